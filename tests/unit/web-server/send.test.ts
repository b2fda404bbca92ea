import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { sendRevalidation } from '../../../src/webhook/send'
import { PUBLISH, SECRET, startFront, startUpstream, type FakeUpstream, type RunningFront } from './harness'

let upstream: FakeUpstream | undefined
let web: RunningFront | undefined

afterEach(async () => {
  await web?.close()
  await upstream?.close()
  web = upstream = undefined
})

async function startWeb(): Promise<RunningFront> {
  upstream = await startUpstream((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' })
    res.end('<h1>page</h1>')
  })
  return startFront(upstream.url)
}

describe('sendRevalidation', () => {
  it('is accepted by the front server with the right secret', async () => {
    web = await startWeb()
    const result = await sendRevalidation(`${web.base}/`, SECRET, { ...PUBLISH, slugs: ['ketamine'], previousSlugs: ['ket'] })
    expect(result).toEqual({ ok: true, status: 200 })
    expect(web.logs.some((l) => l.includes('(was ket)'))).toBe(true)
  })

  it('reports a 401 for the wrong secret without throwing', async () => {
    web = await startWeb()
    const result = await sendRevalidation(web.base, 'wrong-secret-wrong-secret-wrong-secret', { ...PUBLISH })
    expect(result.ok).toBe(false)
    expect(result.status).toBe(401)
    expect(result.error).toContain('invalid signature')
  })

  it('reports an unreachable host without throwing', async () => {
    // Bind then release a port so nothing listens on it.
    const probe = http.createServer()
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
    const address = probe.address()
    if (address === null || typeof address === 'string') throw new Error('no address')
    await new Promise<void>((r) => probe.close(() => r()))
    const result = await sendRevalidation(`http://127.0.0.1:${address.port}`, SECRET, { ...PUBLISH })
    expect(result.ok).toBe(false)
    expect(result.status).toBeUndefined()
    expect(result.error).toMatch(/ECONNREFUSED|fetch failed/)
  })

  it('times out against a server that never answers', async () => {
    const silent = http.createServer(() => {})
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    const address = silent.address()
    if (address === null || typeof address === 'string') throw new Error('no address')
    const result = await sendRevalidation(`http://127.0.0.1:${address.port}`, SECRET, { ...PUBLISH }, { timeoutMs: 100 })
    expect(result).toEqual({ ok: false, error: 'timed out' })
    silent.closeAllConnections()
    await new Promise<void>((r) => silent.close(() => r()))
  })

  it('refuses an invalid event before sending anything', async () => {
    let called = false
    const result = await sendRevalidation('http://127.0.0.1:9', SECRET, { ...PUBLISH, slugs: Array.from({ length: 101 }, () => 'x') }, {
      fetch: async () => {
        called = true
        return new Response('')
      },
    })
    expect(result.ok).toBe(false)
    expect(called).toBe(false)
  })
})
