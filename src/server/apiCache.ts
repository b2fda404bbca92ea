/**
 * In-memory cache of assembled public API responses (the by-slug endpoint).
 *
 * Why globalThis: the express server and the Payload route handlers run in one process but load
 * separate module instances (Next bundles the config), so a module-level Map would be two Maps.
 * Why a TTL as well as purges: content hooks purge it in this process, and Local API writers in
 * other processes (the seed) purge it through the signed POST /api/revalidate after they commit;
 * the short TTL bounds how stale a copy can get when such a notice is lost (the CMS was restarting).
 * The TTL is `API_CACHE_TTL_MS` (the fast path passes it in); the constant is its default.
 */
export type CachedResponse = { body: Buffer; etag: string; contentType: string; storedAt: number }

type Store = { entries: Map<string, CachedResponse>; generation: number }

const KEY = Symbol.for('tripsitter.apiCache')
const g = globalThis as unknown as Record<symbol, Store | undefined>
const store: Store = (g[KEY] ??= { entries: new Map(), generation: 0 })

export const API_CACHE_TTL_MS = 5_000
const MAX_ENTRIES = 2_000

export const apiCache = {
  get(key: string, ttlMs = API_CACHE_TTL_MS, now = Date.now()): CachedResponse | undefined {
    const hit = store.entries.get(key)
    if (!hit) return undefined
    if (now - hit.storedAt > ttlMs) {
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
