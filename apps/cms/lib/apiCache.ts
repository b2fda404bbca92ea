/**
 * In-memory cache of assembled public API responses (the by-slug endpoint).
 *
 * Why globalThis: the express server and the Payload route handlers run in one process but load
 * separate module instances (Next bundles the config), so a module-level Map would be two Maps.
 * Why a TTL as well as purges: the post-commit signal (contentChanges.ts) purges it in this process, but a seed or import run
 * from another process cannot reach this memory; the short TTL bounds how stale that can get.
 */
export type CachedResponse = { body: Buffer; etag: string; contentType: string; storedAt: number }

type Store = { entries: Map<string, CachedResponse>; generation: number }

const KEY = Symbol.for('tripsitter.apiCache')
const g = globalThis as unknown as Record<symbol, Store | undefined>
const store: Store = (g[KEY] ??= { entries: new Map(), generation: 0 })

export const API_CACHE_TTL_MS = 5_000
const MAX_ENTRIES = 2_000

export const apiCache = {
  get(key: string, now = Date.now()): CachedResponse | undefined {
    const hit = store.entries.get(key)
    if (!hit) return undefined
    if (now - hit.storedAt > API_CACHE_TTL_MS) {
      store.entries.delete(key)
      return undefined
    }
    return hit
  },
  /** Store only if nothing was purged since `generation` was read: a purge racing a slow render wins. */
  set(key: string, value: CachedResponse, generation: number): void {
    if (generation !== store.generation) return
    if (store.entries.size >= MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!)
    store.entries.set(key, value)
  },
  generation: () => store.generation,
  purge(): void {
    store.generation++
    store.entries.clear()
  },
}
