import { describe, expect, it, vi } from 'vitest'
import { frontPerTest, PUBLISH, request, signedWebhook, SECRET } from './harness'
import { signRevalidation } from '../../../src/webhook/signature'

const pair = frontPerTest((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  res.end(`<h1>${req.url} v${pair.version}</h1>`)
})

async function warm(...paths: string[]): Promise<void> {
  for (const path of paths) await request(`${pair.web.base}${path}`)
}

describe('POST /api/revalidate', () => {
  it('purges every cached page on a signed event; the next request shows new content', async () => {
    await warm('/', '/articles/ketamine', '/feed.xml')
    pair.version = 2
    const reply = await signedWebhook(pair.web.base, PUBLISH)
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.text)).toEqual({ revalidated: true, purged: 3 })
    expect(reply.headers['cache-control']).toBe('no-store')

    const after = await request(`${pair.web.base}/articles/ketamine`)
    expect(after.headers['x-cache']).toBe('MISS')
    expect(after.text).toBe('<h1>/articles/ketamine v2</h1>')
    expect(pair.upstream.count('/articles/ketamine')).toBe(2)
    expect(pair.web.logs.some((l) => l.includes('publish articles ketamine'))).toBe(true)
  })

  it.each([
    ['missing', { signature: null }],
    ['wrong secret', { secret: 'not-the-secret-not-the-secret-000000' }],
    ['stale timestamp', { nowSeconds: Math.floor(Date.now() / 1000) - 301 }],
    ['malformed', { signature: 't=abc,v1=zz' }],
  ] as const)('rejects a %s signature with 401 and changes nothing', async (_name, opts) => {
    await warm('/articles/ketamine')
    pair.version = 2
    const reply = await signedWebhook(pair.web.base, PUBLISH, opts)
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.text)).toEqual({ errors: [{ message: 'invalid signature' }] })
    const cached = await request(`${pair.web.base}/articles/ketamine`)
    expect(cached.headers['x-cache']).toBe('HIT')
    expect(cached.text).toContain('v1')
    expect(pair.web.front.cache.stats().generation).toBe(0)
  })

  it('rejects a signature made for a different body', async () => {
    const signature = signRevalidation(JSON.stringify({ ...PUBLISH, slugs: ['other'] }), SECRET)
    const reply = await signedWebhook(pair.web.base, PUBLISH, { signature })
    expect(reply.status).toBe(401)
  })

  it('answers 400 to a signed but invalid body, without purging', async () => {
    await warm('/a')
    const badEvent = await signedWebhook(pair.web.base, { event: 'explode', collection: 'articles', slugs: [] })
    expect(badEvent.status).toBe(400)
    expect(JSON.parse(badEvent.text).errors[0].message).toMatch(/^event:/)
    const tooMany = await signedWebhook(pair.web.base, { ...PUBLISH, slugs: Array.from({ length: 101 }, (_, i) => `s${i}`) })
    expect(tooMany.status).toBe(400)
    const notJson = await signedWebhook(pair.web.base, '{not json')
    expect(notJson.status).toBe(400)
    expect((await request(`${pair.web.base}/a`)).headers['x-cache']).toBe('HIT')
  })

  it('answers 413 to a body over 64 KB, before looking at the signature', async () => {
    const big = JSON.stringify({ ...PUBLISH, padding: 'x'.repeat(70 * 1024) })
    const reply = await signedWebhook(pair.web.base, big)
    expect(reply.status).toBe(413)
  })

  it('answers 405 to other methods', async () => {
    const reply = await request(`${pair.web.base}/api/revalidate`)
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('POST')
    expect(pair.upstream.seen).toHaveLength(0)
  })

  it('does not store a fill that raced with a purge', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    pair.upstream.handler = async (req, res) => {
      const body = `<h1>${req.url} v${pair.version}</h1>`
      await gate
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(body)
    }
    const inFlight = request(`${pair.web.base}/race`)
    // The fill must be waiting on upstream (not merely sent) when the purge arrives.
    await vi.waitFor(() => expect(pair.upstream.count('/race')).toBe(1), { timeout: 10_000, interval: 5 })
    pair.version = 2
    expect((await signedWebhook(pair.web.base, PUBLISH)).status).toBe(200)
    release()
    expect((await inFlight).text).toContain('v1')
    const next = await request(`${pair.web.base}/race`)
    expect(next.headers['x-cache']).toBe('MISS')
    expect(next.text).toContain('v2')
  })
})
