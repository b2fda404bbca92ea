import { afterEach, describe, expect, it } from 'vitest'
import { request, startFront, startUpstream, type FakeUpstream, type RunningFront } from './harness'

const SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div><script>payload</script></body></html>'
const REAL_404 = '<!DOCTYPE html><html lang="en"><body><main><h1>Page not found</h1><a href="/">Home</a></main></body></html>'

let upstream: FakeUpstream
let front: RunningFront
afterEach(async () => {
  await front?.close()
  await upstream?.close()
})

describe('404 pages of dynamic routes', () => {
  it('serve the prerendered not-found document instead of Next\'s empty error shell', async () => {
    upstream = await startUpstream((req, res) => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      res.end(req.url === '/articles/missing' ? SHELL : REAL_404)
    })
    front = await startFront(upstream.url)
    const reply = await request(`${front.base}/articles/missing`)
    expect(reply.status).toBe(404)
    expect(reply.body.toString()).toBe(REAL_404)
    // Fetched once, then remembered for every other missing page.
    await request(`${front.base}/articles/also-missing`)
    expect(upstream.count('/__tripsitter-not-found__')).toBe(1)
  })

  it('leave a 404 that already has its content alone', async () => {
    upstream = await startUpstream((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      res.end(REAL_404.replace('Page not found', 'Custom'))
    })
    front = await startFront(upstream.url)
    const reply = await request(`${front.base}/nothing`)
    expect(reply.body.toString()).toContain('Custom')
    expect(upstream.count('/__tripsitter-not-found__')).toBe(0)
  })
})
