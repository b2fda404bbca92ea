/**
 * The root `.env`, read by each server (and `npm start`) first thing. Next reads it too
 * (apps/{cms,web}/next.config.mjs), but only when it loads its config, which is after a server has
 * parsed its environment: a port or a rate limit set in `.env` would reach Payload and not the
 * express or front server around it. Variables already in the environment win, as with Next.
 *
 * Not Next's own loader (@next/env): its first call snapshots process.env and every later reload
 * resets process.env to that snapshot, which would drop what a server sets in between (the reader
 * site's internal origin, say) the moment Next loads its config.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseEnv } from 'node:util'
import { repoRoot } from '../env'

export function loadRootEnv(file = path.join(repoRoot, '.env'), target: Record<string, string | undefined> = process.env): void {
  if (!fs.existsSync(file)) return
  for (const [name, value] of Object.entries(parseEnv(fs.readFileSync(file, 'utf8')))) target[name] ??= value
}
