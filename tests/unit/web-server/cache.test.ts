import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { frontPerTest, htmlPage, request, sleep, startFront, CMS_URL } from './harness'

const pair = frontPerTest((req, res) => {
  if (req.url === '/missing') {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
    return void res.end('<h1>Not found</h1>')
  }
  if (req.url === '/old-slug') {
    res.writeHead(308, { location: '/new-slug' })
    return void res.end()
  }
  if (req.url === '/temporary') {
    res.writeHead(307, { location: '/elsewhere' })
    return void res.end()
  }
  if (req.url === '/with-cookie') {
    res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': `visitor=${pair.upstream.seen.length}; Path=/` })
    return void res.end(`cookie page ${pair.upstream.seen.length}`)
  }
  if (req.url?.startsWith('/_next/static/')) {
    res.writeHead(200, { 'content-type': 'application/javascript', 'cache-control': 'public, max-age=31536000, immutable' })
    return void res.end(`console.log(${JSON.stringify(req.url)})`)
  }
  if (req.url === '/slow') {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(htmlPage(`slow v${pair.version}`))
    }, 100)
    return
  }
  const rsc = req.headers.rsc === '1'
  // Next sends no-store on every dynamic page; the front server must cache it anyway.
  res.writeHead(200, {
    'content-type': rsc ? 'text/x-component' : 'text/html; charset=utf-8',
    'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
    'x-powered-by': 'Next.js',
    vary: 'rsc, next-router-state-tree, next-router-prefetch',
  })
  res.end(rsc ? `0:{"page":"${req.url}","v":${pair.version}}` : htmlPage(`${req.url} v${pair.version}`))
})

describe('front server page cache', () => {
  it('serves a MISS, then a HIT with identical bytes, calling upstream once', async () => {
    const first = await request(`${pair.web.base}/articles/ketamine`)
    const second = await request(`${pair.web.base}/articles/ketamine`)
    expect(first.status).toBe(200)
    expect(first.headers['x-cache']).toBe('MISS')
    expect(second.headers['x-cache']).toBe('HIT')
    expect(second.body.equals(first.body)).toBe(true)
    expect(second.text).toContain('/articles/ketamine v1')
    expect(pair.upstream.count('/articles/ketamine')).toBe(1)
    expect(second.headers['content-length']).toBe(String(first.body.length))
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(second.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(second.headers['x-powered-by']).toBeUndefined()
  })

  it('sends the security headers on hits and misses, without X-Frame-Options', async () => {
    for (const reply of [await request(`${pair.web.base}/a`), await request(`${pair.web.base}/a`)]) {
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
      expect(reply.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
      expect(reply.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()')
      // The fake page has no inline scripts: scripts from this origin only.
      expect(reply.headers['content-security-policy']).toBe(`frame-ancestors 'self' ${CMS_URL}; script-src 'self'`)
      expect(reply.headers['x-frame-options']).toBeUndefined()
    }
  })

  it('makes one upstream request for 50 concurrent misses of one key', async () => {
    const replies = await Promise.all(Array.from({ length: 50 }, () => request(`${pair.web.base}/slow`)))
    expect(pair.upstream.count('/slow')).toBe(1)
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([200]))
    expect(new Set(replies.map((r) => r.text)).size).toBe(1)
  })

  it('keys on the path and the query parameters pages read, and ignores the others', async () => {
    await request(`${pair.web.base}/?page=2`)
    await request(`${pair.web.base}/?page=3`)
    await request(`${pair.web.base}/?page=2&utm_source=x`)
    expect(pair.upstream.count('/?page=2')).toBe(1)
    expect(pair.upstream.count('/?page=3')).toBe(1)
    // Parameters no page reads make no new entry and no render, and are not sent upstream.
    for (let b = 0; b < 20; b++) expect((await request(`${pair.web.base}/articles/x?b=${b}`)).status).toBe(200)
    expect(pair.upstream.count('/articles/x')).toBe(1)
    expect(pair.upstream.seen.filter((line) => line.includes('b='))).toEqual([])
    // Each page keeps only what it reads: an article page has no pages, search keeps its query.
    for (let page = 2; page < 12; page++) expect((await request(`${pair.web.base}/articles/y?page=${page}`)).status).toBe(200)
    expect(pair.upstream.count('/articles/y')).toBe(1)
    await request(`${pair.web.base}/search?q=ketamine&topic=x&page=2`)
    await request(`${pair.web.base}/topics/sleep?page=2&q=x`)
    expect(pair.upstream.count('/search?q=ketamine&page=2')).toBe(1)
    expect(pair.upstream.count('/topics/sleep?page=2')).toBe(1)
  })

  it('answers 304 to a matching If-None-Match, on the cached copy', async () => {
    const first = await request(`${pair.web.base}/a`)
    const etag = first.headers.etag
    expect(etag).toMatch(/^"[\w-]+"$/)
    const conditional = await request(`${pair.web.base}/a`, { headers: { 'if-none-match': etag } })
    expect(conditional.status).toBe(304)
    expect(conditional.body.length).toBe(0)
    expect(conditional.headers.etag).toBe(etag)
    expect(conditional.headers['x-content-type-options']).toBe('nosniff')
    const other = await request(`${pair.web.base}/a`, { headers: { 'if-none-match': '"something-else"' } })
    expect(other.status).toBe(200)
    expect(pair.upstream.count('/a')).toBe(1)
  })

  it('serves precomputed brotli and gzip variants that decompress to the same bytes', async () => {
    const plain = await request(`${pair.web.base}/a`)
    const br = await request(`${pair.web.base}/a`, { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/Accept-Encoding/)
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
    expect(new Set([br.headers.etag, plain.headers.etag]).size).toBe(2)
    const gz = await request(`${pair.web.base}/a`, { headers: { 'accept-encoding': 'gzip, deflate' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers.vary).toMatch(/Accept-Encoding/)
    expect(plain.headers.vary).toMatch(/Accept-Encoding/)
    expect(gz.body.length).toBeLessThan(plain.body.length)
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true)
    expect(new Set([gz.headers.etag, br.headers.etag, plain.headers.etag]).size).toBe(3)
    const refused = await request(`${pair.web.base}/a`, { headers: { 'accept-encoding': 'gzip;q=0, br;q=0, identity' } })
    expect(refused.headers['content-encoding']).toBeUndefined()
    // The fill asked upstream for identity bytes: compression happens once, here.
    expect(pair.upstream.lastHeaders.get('/a')?.['accept-encoding']).toBe('identity')
  })

  it('fills anonymously: no visitor cookies, auth-free, no forwarded host to poison the shared copy', async () => {
    await request(`${pair.web.base}/poison`, { headers: { cookie: 'theme=dark', 'x-forwarded-host': 'evil.example', 'user-agent': 'curl/8' } })
    const seen = pair.upstream.lastHeaders.get('/poison') ?? {}
    expect(seen.cookie).toBeUndefined()
    expect(seen['x-forwarded-host']).toBeUndefined()
    expect(seen.host).toBe(pair.upstream.url.host)
    expect(seen['user-agent']).toBe('TripsitterFrontCache/1')
  })

  it('answers HEAD from the cache with headers only', async () => {
    await request(`${pair.web.base}/a`)
    const head = await request(`${pair.web.base}/a`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers['x-cache']).toBe('HIT')
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0)
    expect(head.body.length).toBe(0)
  })

  it('caches 404s and permanent redirects, not temporary ones', async () => {
    await request(`${pair.web.base}/missing`)
    const missing = await request(`${pair.web.base}/missing`)
    expect(missing.status).toBe(404)
    expect(missing.headers['x-cache']).toBe('HIT')

    await request(`${pair.web.base}/old-slug`)
    const moved = await request(`${pair.web.base}/old-slug`)
    expect(moved.status).toBe(308)
    expect(moved.headers.location).toBe('/new-slug')
    expect(moved.headers['x-cache']).toBe('HIT')

    await request(`${pair.web.base}/temporary`)
    const temp = await request(`${pair.web.base}/temporary`)
    expect(temp.status).toBe(307)
    expect(pair.upstream.count('/temporary')).toBe(2)
  })

  it('bypasses the cache for draft mode and Payload sessions, and forwards their cookies', async () => {
    await request(`${pair.web.base}/a`)
    for (const cookie of ['__prerender_bypass=abc', 'theme=dark; payload-token=jwt']) {
      const draft = await request(`${pair.web.base}/a`, { headers: { cookie } })
      expect(draft.headers['x-cache']).toBeUndefined()
      expect(pair.upstream.lastHeaders.get('/a')?.cookie).toBe(cookie)
    }
    expect(pair.upstream.count('/a')).toBe(3)
    // An unrelated cookie still gets the shared copy, and is not sent upstream by fills.
    const plain = await request(`${pair.web.base}/b`, { headers: { cookie: 'theme=dark' } })
    expect(plain.headers['x-cache']).toBe('MISS')
    expect(pair.upstream.lastHeaders.get('/b')?.cookie).toBeUndefined()
  })

  it('never caches or shares a response that sets a cookie', async () => {
    const first = await request(`${pair.web.base}/with-cookie`)
    const second = await request(`${pair.web.base}/with-cookie`)
    expect(first.headers['set-cookie']).toBeDefined()
    expect(second.headers['set-cookie']).toBeDefined()
    expect(second.headers['set-cookie']).not.toEqual(first.headers['set-cookie'])
    expect(second.headers['x-cache']).toBeUndefined()
  })

  it('passes /api/* straight through', async () => {
    await request(`${pair.web.base}/api/preview?slug=a`)
    await request(`${pair.web.base}/api/preview?slug=a`)
    expect(pair.upstream.count('/api/preview?slug=a')).toBe(2)
  })

  it('caches /_next/static forever and keeps it through a purge', async () => {
    const path = '/_next/static/chunks/app-123.js'
    await request(`${pair.web.base}${path}`)
    pair.web.front.cache.purge()
    const hit = await request(`${pair.web.base}${path}`)
    expect(hit.headers['x-cache']).toBe('HIT')
    expect(hit.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(pair.upstream.count(path)).toBe(1)
  })

  it('keeps RSC payloads apart from HTML for the same URL', async () => {
    const html = await request(`${pair.web.base}/articles/x`)
    const rsc = await request(`${pair.web.base}/articles/x`, { headers: { rsc: '1' } })
    const rscAgain = await request(`${pair.web.base}/articles/x`, { headers: { rsc: '1' } })
    expect(html.headers['content-type']).toMatch(/^text\/html/)
    expect(rsc.headers['content-type']).toBe('text/x-component')
    expect(rscAgain.headers['x-cache']).toBe('HIT')
    expect(rscAgain.body.equals(rsc.body)).toBe(true)
    expect(pair.upstream.count('/articles/x')).toBe(2)
  })
})

describe('front server expiry', () => {
  it('serves an expired page stale at once and refreshes it in the background once', async () => {
    await pair.web.close()
    // 2 s, not a few ms: the refreshed copy must still be fresh when the next request reads it, and
    // one local request took up to LOCAL_REQUEST_BUDGET_MS here under load.
    pair.web = await startFront(pair.upstream.url, { ttlMs: 2_000 })
    await request(`${pair.web.base}/a`)
    await sleep(2_100) // past the TTL: expiry is the state under test, and waiting longer only helps
    pair.version = 2
    const stale = await Promise.all([request(`${pair.web.base}/a`), request(`${pair.web.base}/a`), request(`${pair.web.base}/a`)])
    for (const reply of stale) {
      expect(reply.headers['x-cache']).toBe('STALE')
      expect(reply.text).toContain('v1')
    }
    // The one background refresh has landed once a copy is served fresh (requests while it runs
    // join it, so they cannot add a second one).
    const fresh = await vi.waitFor(async () => {
      const reply = await request(`${pair.web.base}/a`)
      expect(reply.headers['x-cache']).toBe('HIT')
      return reply
    }, { timeout: 10_000, interval: 20 })
    expect(pair.upstream.count('/a')).toBe(2)
    expect(fresh.text).toContain('v2')
  })
})

describe('front server with the cache disabled (dev mode)', () => {
  it('sends every request upstream', async () => {
    await pair.web.close()
    pair.web = await startFront(pair.upstream.url, { cacheEnabled: false })
    await request(`${pair.web.base}/a`)
    const second = await request(`${pair.web.base}/a`)
    expect(second.headers['x-cache']).toBeUndefined()
    expect(second.headers['x-content-type-options']).toBe('nosniff')
    expect(pair.upstream.count('/a')).toBe(2)
  })
})
