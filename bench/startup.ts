/**
 * Start-to-ready of `npm start` after a build, run as users run it (npm, then scripts/start.ts), on
 * free ports, timed until the CMS's /readyz and the reader site's /robots.txt both answer 200 and
 * start.ts has said it is ready (after seeding, when it seeds), then SIGTERM. Twice on one data directory: the first start
 * (migrations and the seed of the empty database) and a restart, the everyday case.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { repoRoot } from '../src/env'
import { isAlive } from '../scripts/lib/processes'
import { baseEnv, type EnvVars } from '../scripts/lib/stack'
import { BENCH_LIMITS } from './stack'

const GIVE_UP_MS = 180_000

async function answers200(url: string): Promise<boolean> {
  try {
    const res = await fetch(url)
    await res.arrayBuffer()
    return res.ok
  } catch {
    return false
  }
}

/** Milestones in start.ts's own output, so the report can say where the time went. */
const MILESTONES = {
  buildChecked: /\[build\] web: /,
  seedDone: /done in \d+ ms|skipped: the database already has|not seeding/,
  ready: /\[start\] CMS admin: /,
} as const

export interface StartupTiming {
  first: StartTiming
  restart: StartTiming
}

export interface StartTiming {
  /** Spawn to both servers answering 200. */
  readyMs: number
  /** Spawn to the build check finishing (waits for another build holding the lock count here). */
  buildCheckedMs: number
  cmsReadyMs: number
  seedDoneMs: number
  stopMs: number
}

export async function startToReady(log: (line: string) => void = console.log): Promise<StartupTiming> {
  const { dataDir, env } = await baseEnv(BENCH_LIMITS)
  try {
    const first = await timeOneStart(env, log)
    const restart = await timeOneStart(env, log)
    return { first, restart }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

async function timeOneStart(env: EnvVars, log: (line: string) => void): Promise<StartTiming> {
  const started = Date.now()
  // Its own process group, so SIGTERM reaches npm, start.ts and both servers, and nothing else.
  const child = spawn('npm', ['start'], { cwd: repoRoot, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let out = ''
  const seen: Partial<Record<keyof typeof MILESTONES, number>> = {}
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-5_000)
    for (const [name, pattern] of Object.entries(MILESTONES) as [keyof typeof MILESTONES, RegExp][]) if (seen[name] === undefined && pattern.test(out)) seen[name] = Date.now() - started
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const group = -child.pid!
  try {
    let cmsReadyMs = 0
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`)
      if (Date.now() - started > GIVE_UP_MS) throw new Error(`npm start not ready after ${GIVE_UP_MS / 1000} s:\n${out}`)
      const cmsUp = await answers200(`${env.CMS_URL}/readyz`)
      if (cmsUp && !cmsReadyMs) cmsReadyMs = Date.now() - started
      if (cmsUp && seen.ready !== undefined && (await answers200(`${env.WEB_URL}/robots.txt`))) break
      await new Promise((r) => setTimeout(r, 50))
    }
    const readyMs = Date.now() - started
    const stopping = Date.now()
    process.kill(group, 'SIGTERM')
    const killer = setTimeout(() => process.kill(group, 'SIGKILL'), 15_000)
    await exited
    // npm can exit before the servers it started have finished shutting down.
    while (isAlive(group)) await new Promise((r) => setTimeout(r, 50))
    clearTimeout(killer)
    const stopMs = Date.now() - stopping
    if (stopMs > 5_000) log(`npm start took ${stopMs} ms to stop after SIGTERM; its last output:\n${out.slice(-2_000)}`)
    return { readyMs, cmsReadyMs, buildCheckedMs: seen.buildChecked ?? 0, seedDoneMs: seen.seedDone ?? 0, stopMs }
  } catch (err) {
    try {
      process.kill(group, 'SIGKILL')
    } catch {
      // already gone
    }
    throw err
  }
}
