/**
 * SIGTERM drains: each server is sent SIGTERM while it is busy with requests it has
 * already received. Every one of them must complete with its normal answer, and the process must
 * exit with code 0 within 10 s. Requests are sent with plain node:http so the test knows when
 * each has been fully written to the server before the signal goes out.
 */
import http from 'node:http'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseEnv, runSeed, startCms, startWeb, type EnvVars, type Running } from '../../scripts/lib/stack'
import { createFirstAdmin } from '../../scripts/lib/restApi'
import { exitOf, sleep } from './support'

type InFlight = { sent: Promise<void>; done: Promise<{ status: number; endedAt: number } | { error: string; endedAt: number }> }

/** One request on its own connection; `sent` resolves once the whole request is on the wire. */
function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): InFlight {
  let markSent: () => void = () => undefined
  const sent = new Promise<void>((resolve) => (markSent = resolve))
  const done = new Promise<{ status: number; endedAt: number } | { error: string; endedAt: number }>((resolve) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: { connection: 'close', ...init.headers }, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, endedAt: Date.now() }))
      res.on('error', (err) => resolve({ error: err.message, endedAt: Date.now() }))
    })
    req.on('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message, endedAt: Date.now() }))
    req.on('finish', () => markSent())
    req.end(init.body)
  })
  return { sent, done }
}

let env: EnvVars
let dataDir: string
const running: Running[] = []

beforeAll(async () => {
  const base = await baseEnv()
  env = base.env
  dataDir = base.dataDir
  const cms = await startCms(env)
  running.push(cms)
  await createFirstAdmin(cms.url)
  const seeded = await runSeed(env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
})

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()))
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

/**
 * Send SIGTERM once every request is fully on the wire and the server has had 50 ms to pick them
 * up, then collect. A server busy rendering may not have read them all yet: they are still requests
 * its clients consider sent, and a drain must answer them.
 */
async function terminateDuring(server: Running, inflight: InFlight[]) {
  await Promise.all(inflight.map((r) => r.sent))
  await sleep(50)
  const signalledAt = Date.now()
  server.child.kill('SIGTERM')
  const [results, exit] = await Promise.all([Promise.all(inflight.map((r) => r.done)), exitOf(server.child)])
  return { results, exit, signalledAt }
}

describe('SIGTERM', () => {
  it('on the CMS: finishes the in-flight API and GraphQL requests, then exits 0 within 10 s', { timeout: 60_000 }, async () => {
    const cms = running[0]!
    // GraphQL nesting 9 levels deep (under the limit) renders thousands of objects: real work.
    const heavy = JSON.stringify({ query: '{ Articles(limit: 100) { docs { sections { article { sections { article { sections { heading } } } } } } } }' })
    // The heavy queries go first, so the list reads arrive while the server is busy with them.
    const graphql = Array.from({ length: 10 }, () => request(`${cms.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(heavy)) }, body: heavy }))
    await Promise.all(graphql.map((r) => r.sent))
    await sleep(20)
    const inflight = [...graphql, ...Array.from({ length: 30 }, (_, i) => request(`${cms.url}/api/articles?depth=2&limit=100&where[title][not_equals]=x${i}`))]
    const { results, exit, signalledAt } = await terminateDuring(cms, inflight)
    expect(results.map((r) => ('status' in r ? r.status : r.error))).toEqual(inflight.map(() => 200))
    const finishedAfterSignal = results.filter((r) => r.endedAt >= signalledAt).length
    console.log(`cms: ${results.length} in flight, ${finishedAfterSignal} finished after SIGTERM, exit ${exit.code} after ${exit.afterMs} ms`)
    expect(finishedAfterSignal).toBeGreaterThan(0)
    expect(exit).toMatchObject({ code: 0, signal: null })
    expect(exit.afterMs).toBeLessThan(10_000)
    await expect(fetch(`${cms.url}/healthz`)).rejects.toThrow()
  })

  it('on the reader site: finishes the in-flight page renders, then exits 0 within 10 s', { timeout: 90_000 }, async () => {
    running[0] = await startCms(env)
    const web = await startWeb(env)
    running.push(web)
    // Distinct search queries are distinct cache keys (parameters a page does not read are
    // ignored): every one is a fresh render through Next and the CMS.
    const inflight = Array.from({ length: 24 }, (_, i) => request(`${web.url}/search?q=ketamine+${i}`))
    const { results, exit, signalledAt } = await terminateDuring(web, inflight)
    expect(results.map((r) => ('status' in r ? r.status : r.error))).toEqual(inflight.map(() => 200))
    const finishedAfterSignal = results.filter((r) => r.endedAt >= signalledAt).length
    console.log(`web: ${results.length} in flight, ${finishedAfterSignal} finished after SIGTERM, exit ${exit.code} after ${exit.afterMs} ms`)
    expect(finishedAfterSignal).toBeGreaterThan(0)
    expect(exit).toMatchObject({ code: 0, signal: null })
    expect(exit.afterMs).toBeLessThan(10_000)
  })
})
