/**
 * `npm start` as users run it (scripts/start.ts, both servers as its children) survives the CMS
 * being killed: while 50 readers load cached pages, the CMS child gets SIGKILL. Every reader
 * request must succeed, the supervisor must bring the CMS back, a publish after that must reach the
 * reader site within 2 s, and SIGTERM must still stop the whole stack within 10 s.
 *
 * "Back" means ready within 15 s of the kill, or within three times the CMS's own first cold start in
 * this run when that is longer: a restart is a cold start (loading Next and Payload: 5-7 s on an
 * idle 2-core machine, over 20 s with other builds competing for the cores), here competing with
 * 50 readers and the reader site for the same two cores (measured: 14.3 s after a 5.5 s cold start).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../../src/env'
import { isAlive } from '../../scripts/lib/processes'
import { baseEnv, type EnvVars } from '../../scripts/lib/stack'
import { createFirstAdmin, createUser } from '../../scripts/lib/restApi'
import { runLoad } from '../../bench/load'
import { articleRefs, exitOf, KETAMINE_SLUG, publishIntro, sleep } from './support'

let env: EnvVars
let dataDir: string
let start: ChildProcess
let output = ''
let cmsUrl: string
let webUrl: string
/** From the first `[start] cms pid` line to the CMS's own `[cms] ready` line. */
let coldStartMs: number | null = null

/** Resolves once `pattern` appears in start.ts's output (polling what has arrived), or fails with the output. */
async function waitForOutput(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const match = pattern.exec(output.slice(from))
    if (match) return match
    if (start.exitCode !== null || start.signalCode !== null) throw new Error(`npm start exited (${start.exitCode ?? start.signalCode}):\n${output.slice(-4000)}`)
    if (Date.now() > deadline) throw new Error(`no ${pattern} in npm start's output after ${timeoutMs} ms:\n${output.slice(-4000)}`)
    await sleep(100)
  }
}

const cmsPids = () => [...output.matchAll(/\[start\] cms pid (\d+)/g)].map((m) => Number(m[1]))

beforeAll(async () => {
  const base = await baseEnv({ RATE_LIMIT_API_MAX: '100000000' })
  env = base.env
  dataDir = base.dataDir
  cmsUrl = env.CMS_URL!
  webUrl = env.WEB_URL!
  start = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/start.ts')], { cwd: repoRoot, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let spawnedAt = 0
  const keep = (b: Buffer) => {
    output += b.toString()
    if (!spawnedAt && output.includes('[start] cms pid')) spawnedAt = Date.now()
    if (coldStartMs === null && spawnedAt && output.includes('[cms] ready on')) coldStartMs = Date.now() - spawnedAt
  }
  start.stdout!.on('data', keep)
  start.stderr!.on('data', keep)
  // Building (when sources changed since the last build) happens first; the suite builds before it runs.
  await waitForOutput(/\[start\] CMS admin: /, 230_000)
  await waitForOutput(/\[start\] no users yet/, 10_000)
})

afterAll(async () => {
  if (start && start.exitCode === null && start.signalCode === null) {
    start.kill('SIGTERM')
    const timer = setTimeout(() => start.kill('SIGKILL'), 15_000)
    await exitOf(start)
    clearTimeout(timer)
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('npm start supervises its servers', () => {
  it('tells a local user that the first visitor becomes admin', () => {
    expect(output).toContain(`[start] no users yet: the first visitor to ${cmsUrl}/admin creates an account and becomes admin`)
  })

  it('keeps serving cached pages while the CMS is SIGKILLed, and brings the CMS back within 15 s', { timeout: 120_000 }, async () => {
    for (const page of [`/articles/${KETAMINE_SLUG}`, '/']) expect((await fetch(`${webUrl}${page}`)).status).toBe(200)
    const [firstPid] = cmsPids()
    expect(firstPid).toBeGreaterThan(0)
    const mark = output.length

    const budgetMs = Math.max(15_000, Math.round((coldStartMs ?? 0) * 3))
    let killedAt = 0
    let backAfterMs: number | null = null
    const load = runLoad({ cmsUrl, webUrl, slug: KETAMINE_SLUG, concurrency: 50, durationMs: 6_000, targets: ['article', 'front'], publishes: 0, publish: async () => undefined })
    await sleep(1_500)
    process.kill(firstPid!, 'SIGKILL')
    killedAt = Date.now()
    // Poll readiness while the readers keep going.
    const back = (async () => {
      while (Date.now() - killedAt < budgetMs) {
        try {
          if ((await fetch(`${cmsUrl}/readyz`)).ok) return (backAfterMs = Date.now() - killedAt)
        } catch {
          // down
        }
        await sleep(200)
      }
      return null
    })()
    const result = await load
    await back

    console.log(`CMS SIGKILLed under npm start: ${result.requests} reader requests, ${result.failures} failed; CMS ready again after ${backAfterMs} ms (first cold start ${coldStartMs} ms, budget ${budgetMs} ms)`)
    expect(result.targets.map((t) => [t.name, t.failures, t.errors, Object.keys(t.statuses)])).toEqual([
      ['article page (web)', 0, {}, ['200']],
      ['front page (web)', 0, {}, ['200']],
    ])
    expect(result.requests).toBeGreaterThan(500)
    expect(backAfterMs, output.slice(mark)).not.toBeNull()
    expect(backAfterMs!).toBeLessThan(budgetMs)
    expect(output.slice(mark)).toContain(`[start] cms (pid ${firstPid}) stopped unexpectedly: killed by SIGKILL; restarting in`)
    const pids = cmsPids()
    expect(pids).toHaveLength(2)
    expect(isAlive(pids[1]!)).toBe(true)
    expect(isAlive(firstPid!)).toBe(false)
  })

  it('publishes through the restarted CMS, and the reader site shows it within 2 s', { timeout: 60_000 }, async () => {
    const admin = await createFirstAdmin(cmsUrl)
    const editor = await createUser(cmsUrl, admin, 'editor')
    const refs = await articleRefs(cmsUrl, KETAMINE_SLUG)
    const text = `Published after the CMS came back under npm start (${Date.now()}).`
    await publishIntro(cmsUrl, editor, refs, text)
    const published = Date.now()
    let seenAfterMs: number | null = null
    while (Date.now() - published < 2_000) {
      if ((await (await fetch(`${webUrl}/articles/${KETAMINE_SLUG}`)).text()).includes(text)) {
        seenAfterMs = Date.now() - published
        break
      }
      await sleep(50)
    }
    expect(seenAfterMs).not.toBeNull()
  })

  it('stops everything on SIGTERM within 10 s', { timeout: 30_000 }, async () => {
    const children = [cmsPids().at(-1)!, ...[...output.matchAll(/\[start\] web pid (\d+)/g)].map((m) => Number(m[1]))]
    start.kill('SIGTERM')
    const exit = await exitOf(start)
    expect(exit.code).toBe(0)
    expect(exit.afterMs).toBeLessThan(10_000)
    expect(children.filter(isAlive)).toEqual([])
  })
})
