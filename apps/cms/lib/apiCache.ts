/**
 * In-memory cache of anonymous public API reads: the assembled by-slug article and Payload's own
 * REST reads (lists, `where`, `select`, `sort`, `depth`, find-by-id), keyed by
 * the canonical URL (apiCacheKey.ts). Entries hold every body variant (plain, gzip, brotli), made
 * once when stored. Bounded by bytes, least recently used first out.
 *
 * Why globalThis: the express server and the Payload route handlers run in one process but load
 * separate module instances (Next bundles the config), so a module-level Map would be two Maps.
 * Why a TTL as well as purges: the post-commit signal (contentChanges.ts) purges it in this process,
 * but a seed or import run from another process cannot reach this memory; the short TTL bounds how
 * stale that can get.
 */
import type { Variants } from '@/http/compression'

export type CachedResponse = { variants: Variants; etag: string; contentType: string; storedAt: number; bytes: number }

type Store = { entries: Map<string, CachedResponse>; bytes: number; maxBytes: number; ttlMs: number; served: boolean; generation: number }

const KEY = Symbol.for('tripsitter.apiCache')
const g = globalThis as unknown as Record<symbol, Store | undefined>
const store: Store = (g[KEY] ??= { entries: new Map(), bytes: 0, maxBytes: 32 * 1024 * 1024, ttlMs: 5_000, served: false, generation: 0 })

/** What one entry costs besides its bodies: key, headers, bookkeeping (a rough allowance). */
const ENTRY_OVERHEAD_BYTES = 512

const remove = (key: string): void => {
  const hit = store.entries.get(key)
  if (!hit) return
  store.entries.delete(key)
  store.bytes -= hit.bytes
}

export const apiCache = {
  /** Called by the CMS's HTTP server: this process answers API reads from this cache. */
  configure({ maxBytes, ttlMs }: { maxBytes: number; ttlMs: number }): void {
    store.maxBytes = maxBytes
    store.ttlMs = ttlMs
    store.served = true
  },
  /** False in a seed or import process: its writes must reach the serving CMS's memory by webhook. */
  servedHere: (): boolean => store.served,
  get(key: string, now = Date.now()): CachedResponse | undefined {
    const hit = store.entries.get(key)
    if (!hit) return undefined
    if (now - hit.storedAt > store.ttlMs) {
      remove(key)
      return undefined
    }
    // Map keeps insertion order: re-inserting marks it most recently used.
    store.entries.delete(key)
    store.entries.set(key, hit)
    return hit
  },
  /** Store only if nothing was purged since `generation` was read: a purge racing a slow render wins. */
  set(key: string, value: Omit<CachedResponse, 'bytes'>, generation: number): void {
    if (generation !== store.generation) return
    const { identity, gzip, br } = value.variants
    const bytes = identity.length + (gzip?.length ?? 0) + (br?.length ?? 0) + key.length + ENTRY_OVERHEAD_BYTES
    if (bytes > store.maxBytes / 8) return // one huge answer must not flush everything else
    remove(key)
    while (store.bytes + bytes > store.maxBytes && store.entries.size > 0) remove(store.entries.keys().next().value!)
    store.entries.set(key, { ...value, bytes })
    store.bytes += bytes
  },
  generation: () => store.generation,
  stats: () => ({ entries: store.entries.size, bytes: store.bytes, maxBytes: store.maxBytes }),
  purge(): void {
    store.generation++
    store.entries.clear()
    store.bytes = 0
  },
}
