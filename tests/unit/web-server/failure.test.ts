import { afterEach, describe, expect, it, vi } from 'vitest'
import { PUBLISH, request, signedWebhook, startFront, startUpstream, type FakeUpstream, type RunningFront } from './harness'

let upstream: FakeUpstream | undefined
let web: RunningFront | undefined

afterEach(async () => {
  await web?.close()
  await upstream?.close().catch(() => {})
  web = upstream = undefined
})

describe('front server when upstream fails', () => {
  it('serves the purged copy when upstream is down after a publish', async () => {
    upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<h1>cached article</h1>')
    })
    web = await startFront(upstream.url)
    await request(`${web.base}/articles/ketamine`)
    expect((await signedWebhook(web.base, PUBLISH)).status).toBe(200)
    await upstream.close()

    const reply = await request(`${web.base}/articles/ketamine`)
    expect(reply.status).toBe(200)
    expect(reply.headers['x-cache']).toBe('STALE-IF-ERROR')
    expect(reply.text).toBe('<h1>cached article</h1>')
    expect(web.logs.some((l) => l.includes('upstream failed for /articles/ketamine'))).toBe(true)
  })

  it('serves the 503 page with Retry-After when upstream is down and nothing is cached', async () => {
    upstream = await startUpstream(() => {})
    const url = upstream.url
    await upstream.close()
    web = await startFront(url)
    const reply = await request(`${web.base}/articles/ketamine`)
    expect(reply.status).toBe(503)
    expect(reply.headers['retry-after']).toBe('30')
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['content-type']).toMatch(/^text\/html/)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.text).toContain('The publication is temporarily unavailable')
    expect(reply.text).not.toMatch(/ECONNREFUSED|at .*\.ts/)
  })

  it('never caches a 5xx, and shows the 503 page instead of upstream error details', async () => {
    let fail = true
    upstream = await startUpstream((_req, res) => {
      if (fail) {
        res.writeHead(500, { 'content-type': 'text/html' })
        return void res.end('Error: boom\n    at render (page.tsx:12)')
      }
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<h1>recovered</h1>')
    })
    web = await startFront(upstream.url)
    const broken = await request(`${web.base}/a`)
    expect(broken.status).toBe(503)
    expect(broken.text).not.toContain('boom')
    fail = false
    const fixed = await request(`${web.base}/a`)
    expect(fixed.status).toBe(200)
    expect(fixed.headers['x-cache']).toBe('MISS')
    expect(upstream.count('/a')).toBe(2)
  })

  it('gives up on a hung upstream after the timeout', async () => {
    upstream = await startUpstream(() => {
      // never answers
    })
    web = await startFront(upstream.url, { upstreamTimeoutMs: 200 })
    const started = Date.now()
    const reply = await request(`${web.base}/hung`)
    expect(reply.status).toBe(503)
    // Budget: the 200 ms timeout plus the 503; at most 242 ms measured on 2 cores under a CPU
    // burner and other test runs.
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(web.logs.some((l) => l.includes('timed out'))).toBe(true)
  })

  it('serves purged copies without waiting while upstream is unreachable', async () => {
    let hang = false
    upstream = await startUpstream((_req, res) => {
      if (hang) return // never answers
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<h1>copy</h1>')
    })
    web = await startFront(upstream.url, { upstreamTimeoutMs: 300 })
    await request(`${web.base}/a`)
    await request(`${web.base}/b`)
    expect((await signedWebhook(web.base, PUBLISH)).status).toBe(200)
    hang = true

    let started = Date.now()
    const first = await request(`${web.base}/a`)
    expect(first.headers['x-cache']).toBe('STALE-IF-ERROR')
    expect(Date.now() - started).toBeGreaterThanOrEqual(250) // waited out one timeout
    started = Date.now()
    const second = await request(`${web.base}/b`)
    expect(second.headers['x-cache']).toBe('STALE-IF-ERROR')
    expect(second.text).toBe('<h1>copy</h1>')
    // Answered at once, not after another 300 ms timeout: at most 20 ms measured on 2 cores under a
    // CPU burner and other test runs.
    expect(Date.now() - started).toBeLessThan(200)
  })

  it('keeps serving a stale page while refreshes fail', async () => {
    let up = true
    upstream = await startUpstream((_req, res) => {
      if (!up) return void res.destroy()
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<h1>old but good</h1>')
    })
    const front = (web = await startFront(upstream.url, { ttlMs: 30 }))
    await request(`${front.base}/a`)
    up = false
    await new Promise((r) => setTimeout(r, 50)) // past the TTL; longer under load changes nothing
    const stale = async () => {
      const reply = await request(`${front.base}/a`)
      expect(reply.status).toBe(200)
      expect(reply.headers['x-cache']).toBe('STALE')
    }
    await stale()
    // The first stale answer starts one refresh; wait until it has failed, then read again.
    await vi.waitFor(() => expect(front.logs.some((l) => l.startsWith('[web] upstream failed for /a'))).toBe(true), { timeout: 10_000, interval: 5 })
    await stale()
    await stale()
    // One refresh attempt, then a back-off instead of hammering a failing upstream.
    expect(upstream.count('/a')).toBe(2)
  })
})
