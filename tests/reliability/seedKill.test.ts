/**
 * A seed killed half-way never leaves a partial article.
 *
 * The seed writes one document in one transaction. This kills the real CLI with SIGKILL at
 * different points (while booting, as it starts writing, between sections, while publishing, and
 * at random moments around the commit) and checks, every time, that the database is exactly the
 * state before the run or exactly the state a complete run leaves: nothing in between.
 *
 * "Exactly": the snapshot of every document, draft and version count (tests/helpers/snapshot), with
 * only timestamps and array-row ids masked; document ids are compared as they are, since a fresh database assigns the same ids
 * in the same order and a rolled-back transaction consumes none. Whenever a kill came after the
 * commit, the database is reset (stop the CMS, delete the file, start again) so the next kill again
 * starts from empty.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseEnv, startCms, type EnvVars, type Running } from '../../scripts/lib/stack'
import { createFirstAdmin, type Session } from '../../scripts/lib/restApi'
import { databaseSnapshot } from '../helpers/snapshot'
import { exitOf, runScript } from './support'

let env: EnvVars
let dataDir: string
let dbDir: string
let cms: Running
let admin: Session
let empty: string
let complete: string

const TIMES = new Set(['createdAt', 'updatedAt', 'publishedAt', 'basedOn'])
const isRow = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The snapshot with what differs between two identical runs masked: timestamps (an article's text
 * rows stamp the section version they were read from, `basedOn`), and the ids of array-field rows
 * (a citation's authors, an article's text rows), which are generated on every save.
 * Everything else must match.
 */
function normalized(snapshot: string): string {
  const parsed = JSON.parse(snapshot) as Record<string, unknown>
  const masked = Object.fromEntries(
    Object.entries(parsed).map(([collection, docs]) => [
      collection,
      Array.isArray(docs)
        ? docs.map((doc: Record<string, unknown>) =>
            Object.fromEntries(Object.entries(doc).map(([field, value]) => [field, Array.isArray(value) ? value.map((row) => (isRow(row) ? { ...row, id: '(row)' } : row)) : value])),
          )
        : docs,
    ]),
  )
  return JSON.stringify(masked, (key, value: unknown) => (TIMES.has(key) ? '(time)' : value))
}

async function freshDatabase(): Promise<void> {
  await cms?.stop()
  fs.rmSync(dbDir, { recursive: true, force: true })
  fs.mkdirSync(dbDir)
  cms = await startCms(env)
  admin = await createFirstAdmin(cms.url)
}

beforeAll(async () => {
  const base = await baseEnv()
  dataDir = base.dataDir
  dbDir = path.join(dataDir, 'db')
  env = { ...base.env, DATABASE_URL: `file:${path.join(dbDir, 'test.db')}` }
  await freshDatabase()
  empty = await databaseSnapshot(cms.url, admin)
  // The reference: what one uninterrupted run leaves behind.
  const run = await runScript(env, 'seed/index.ts', ['--publish']).done
  expect(run.code, run.stderr).toBe(0)
  complete = normalized(await databaseSnapshot(cms.url, admin))
  expect(complete).not.toBe(normalized(empty))
  await freshDatabase()
})

afterAll(async () => {
  await cms?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

type KillPoint = { name: string; after: RegExp | null; jitterMs: number }

// Progress lines come from seed/write.ts; the writes between them run inside the transaction.
const random = (max: number) => Math.floor(Math.random() * max)
const points: KillPoint[] = [
  { name: 'while booting', after: null, jitterMs: 500 + random(3_000) },
  { name: 'as it starts writing', after: /\.\.\. citations: resolving/, jitterMs: random(30) },
  { name: 'between sections', after: /\.\.\. sections: 2\//, jitterMs: random(30) },
  { name: 'after the last section', after: /\.\.\. sections: 5\/5/, jitterMs: random(30) },
  { name: 'while publishing', after: /\.\.\. article: publishing/, jitterMs: random(20) },
  { name: 'around the commit', after: /\.\.\. article: publishing/, jitterMs: 20 + random(300) },
]

describe('SIGKILL of the seed at different points', () => {
  const outcomes: string[] = []

  for (const point of points) {
    it(`${point.name} (+${point.jitterMs} ms) leaves the database empty or complete`, { timeout: 120_000 }, async () => {
      const run = runScript(env, 'seed/index.ts', ['--publish'])
      if (point.after) {
        const pattern = point.after
        // Until the line is printed, or the run has ended without printing it (then the kill below finds it gone).
        await new Promise<void>((resolve) => {
          const done = () => {
            run.child.stdout!.off('data', check)
            run.child.off('exit', done)
            resolve()
          }
          const check = () => {
            if (pattern.test(run.stdout()) || run.child.exitCode !== null || run.child.signalCode !== null) done()
          }
          run.child.stdout!.on('data', check)
          run.child.once('exit', done)
          check()
        })
      }
      await new Promise((r) => setTimeout(r, point.jitterMs))
      run.child.kill('SIGKILL')
      const exit = await exitOf(run.child)
      const after = await databaseSnapshot(cms.url, admin)
      const state = after === empty ? 'empty' : normalized(after) === complete ? 'complete' : 'PARTIAL'
      outcomes.push(`${point.name} +${point.jitterMs} ms: ${exit.signal ?? `exit ${exit.code}`}, ${state}`)
      expect(state, `after a kill ${point.name}:\n${after}`).not.toBe('PARTIAL')
      if (state === 'complete') await freshDatabase()
    })
  }

  it('killed inside the transaction at least three times (the runs above really interrupted writes)', () => {
    console.log(`seed kills:\n  ${outcomes.join('\n  ')}`)
    expect(outcomes.filter((o) => o.includes('SIGKILL, empty')).length).toBeGreaterThanOrEqual(3)
  })
})
