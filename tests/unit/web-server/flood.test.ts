/**
 * One client inventing URLs must not take the site down: each client has a budget of renders,
 * cached pages answer whatever it does, query parameters no page reads are not new pages, and a
 * page pushed out of the cache keeps a copy for when upstream fails.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { htmlPage, request, startFront, startUpstream, type FakeUpstream, type RunningFront } from './harness'
import { parseTrustProxy } from '../../../src/http/trustProxy'

let upstream: FakeUpstream
let web: RunningFront
let failing = false

async function start(overrides: Parameters<typeof startFront>[1]): Promise<void> {
  failing = false
  upstream = await startUpstream((req, res) => {
    if (failing) return void res.writeHead(500).end('render failed')
    const notFound = req.url?.startsWith('/nope')
    res.writeHead(notFound ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(htmlPage(`${req.url}`, 200))
  })
  web = await startFront(upstream.url, overrides)
}

afterEach(async () => {
  await web.close()
  await upstream.close()
})

describe('render budget per client', () => {
  it('answers 429 with Retry-After beyond the budget, while cached pages keep answering', async () => {
    await start({ missesPerMinute: 5 })
    expect((await request(`${web.base}/articles/ketamine`)).status).toBe(200)
    for (let n = 0; n < 4; n++) expect((await request(`${web.base}/nope-${n}`)).status).toBe(404)
    const refused = await request(`${web.base}/nope-99`)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.headers['cache-control']).toBe('no-store')
    expect(upstream.count('/nope-99')).toBe(0)
    // Already cached: served, and never counted.
    for (let n = 0; n < 20; n++) {
      const hit = await request(`${web.base}/articles/ketamine?b=${n}`)
      expect(hit.status).toBe(200)
      expect(hit.headers['x-cache']).toBe('HIT')
    }
    expect(upstream.count('/articles/ketamine')).toBe(1)
  })

  it('keeps one budget per client, named by a trusted proxy', async () => {
    await start({ missesPerMinute: 2, trustProxy: parseTrustProxy('127.0.0.1') })
    const as = (client: string) => ({ headers: { 'x-forwarded-for': client } })
    expect((await request(`${web.base}/a`, as('203.0.113.1'))).status).toBe(200)
    expect((await request(`${web.base}/b`, as('203.0.113.1'))).status).toBe(200)
    expect((await request(`${web.base}/c`, as('203.0.113.1'))).status).toBe(429)
    expect((await request(`${web.base}/c`, as('203.0.113.2'))).status).toBe(200)
    // A client cannot pick another's bucket by writing its own X-Forwarded-For: the proxy appends.
    expect((await request(`${web.base}/d`, as('203.0.113.2, 203.0.113.1'))).status).toBe(429)
  })

  it('serves the stale copy instead of 429 when one exists', async () => {
    await start({ missesPerMinute: 2, maxEntries: 1 })
    expect((await request(`${web.base}/articles/ketamine`)).status).toBe(200)
    expect((await request(`${web.base}/other`)).status).toBe(200) // evicts the article
    const again = await request(`${web.base}/articles/ketamine`)
    expect(again.status).toBe(200)
    expect(again.headers['x-cache']).toBe('STALE-IF-ERROR')
    expect(again.text).toContain('<h1>/articles/ketamine</h1>')
  })
})

describe('stale copies of evicted pages', () => {
  it('serves a page pushed out of the cache by a flood of new URLs when upstream then fails', async () => {
    await start({ maxEntries: 5 })
    expect((await request(`${web.base}/articles/ketamine`)).status).toBe(200)
    for (let n = 0; n < 20; n++) expect((await request(`${web.base}/nope-${n}`)).status).toBe(404)
    failing = true
    const reply = await request(`${web.base}/articles/ketamine`)
    expect(reply.status).toBe(200)
    expect(reply.headers['x-cache']).toBe('STALE-IF-ERROR')
    expect(reply.text).toContain('<h1>/articles/ketamine</h1>')
    expect(upstream.count('/articles/ketamine')).toBe(2) // it did try upstream first
    // An error page that was pushed out has no copy: a failing upstream shows the 503 page.
    expect((await request(`${web.base}/nope-0`)).status).toBe(503)
  })
})
