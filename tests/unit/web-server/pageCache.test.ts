import { describe, expect, it } from 'vitest'
import { buildPageEntry, type PageEntry } from '../../../apps/web/front/entry'
import { PageCache } from '../../../apps/web/front/pageCache'

function entry(size: number, immutable = false): Promise<PageEntry> {
  return buildPageEntry({
    status: 200,
    headers: { 'content-type': 'image/png' },
    body: Buffer.alloc(size),
    immutable,
    expiresAt: immutable ? Number.POSITIVE_INFINITY : Date.now() + 60_000,
    security: {},
  })
}

describe('PageCache bounds', () => {
  it('evicts by entry count, giving recently used entries a second chance', async () => {
    const cache = new PageCache({ maxEntries: 3, maxBytes: 1e9 })
    for (const key of ['a', 'b', 'c']) cache.set(key, await entry(10))
    const a = cache.get('a')
    if (a) a.used = true
    cache.set('d', await entry(10))
    expect(cache.get('a')).toBeDefined()
    expect(cache.get('b')).toBeUndefined()
    expect(cache.stats().entries).toBe(3)
  })

  it('evicts by bytes and keeps the byte count exact', async () => {
    const one = await entry(100_000)
    const cache = new PageCache({ maxEntries: 1_000, maxBytes: one.bytes * 2 + 10 })
    cache.set('a', one)
    cache.set('b', await entry(100_000))
    cache.set('c', await entry(100_000))
    expect(cache.stats().entries).toBe(2)
    expect(cache.stats().bytes).toBe(one.bytes * 2)
    cache.set('c', await entry(100_000)) // replacing a key does not double count
    expect(cache.stats().bytes).toBe(one.bytes * 2)
  })

  it('keeps fallback copies in a budget of their own, oldest dropped first', async () => {
    const one = await entry(1_000)
    const cache = new PageCache({ maxEntries: 3, maxBytes: 1e9, staleMaxBytes: one.bytes * 2 })
    cache.set('old1', one)
    cache.set('old2', await entry(1_000))
    expect(cache.purge()).toBe(2)
    // New live pages do not push fallback copies out...
    cache.set('new1', await entry(1_000))
    cache.set('new2', await entry(1_000))
    expect(cache.fallback('old1')).toBeDefined()
    expect(cache.fallback('old2')).toBeDefined()
    // ...more fallback copies do, oldest first.
    expect(cache.purge()).toBe(2)
    expect(cache.fallback('old1')).toBeUndefined()
    expect(cache.fallback('old2')).toBeUndefined()
    expect(cache.fallback('new1')).toBeDefined()
    cache.set('new1', await entry(1_000))
    expect(cache.fallback('new1')).toBeUndefined() // a fresh copy supersedes it
    expect(cache.stats().staleBytes).toBe(one.bytes)
  })

  it('keeps a copy of a page pushed out of the live cache, but not of an error page', async () => {
    const cache = new PageCache({ maxEntries: 2, maxBytes: 1e9 })
    cache.set('/article', await entry(10))
    const notFound = await buildPageEntry({ status: 404, headers: { 'content-type': 'text/html' }, body: Buffer.alloc(10), immutable: false, expiresAt: Date.now() + 60_000, security: {} })
    cache.set('/nope-1', notFound)
    cache.set('/nope-2', notFound)
    cache.set('/nope-3', notFound)
    expect(cache.get('/article')).toBeUndefined()
    expect(cache.fallback('/article')?.status).toBe(200)
    expect(cache.fallback('/nope-1')).toBeUndefined()
  })

  it('keeps immutable assets through a purge', async () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1e9 })
    cache.set('/_next/static/x.js', await entry(10, true))
    cache.set('/page', await entry(10))
    expect(cache.purge()).toBe(1)
    expect(cache.get('/_next/static/x.js')).toBeDefined()
    expect(cache.get('/page')).toBeUndefined()
  })
})
