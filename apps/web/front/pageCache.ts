/**
 * The in-memory store behind the front server.
 *
 * Two maps: `live` answers requests; `stale` holds copies that are no longer live, because a
 * revalidation webhook purged them or because eviction made room, kept only as a last resort for
 * when upstream fails or a client has used up its renders (see frontServer.ts). `live` is bounded
 * by entry count and bytes and evicts by CLOCK (second chance): a hit only sets a flag, which keeps
 * the hit path free of the Map delete/re-insert a strict LRU needs. `stale` has a byte budget of its
 * own and drops its oldest copies first, so a flood of new URLs can push a page out of `live` but
 * never leaves it with no copy at all.
 */
import type { CacheEntry, PageEntry } from './entry'

export interface PageCacheOptions {
  maxEntries: number
  maxBytes: number
  /** Budget for stale copies; defaults to a quarter of `maxBytes`. */
  staleMaxBytes?: number
}

export interface PageCacheStats {
  entries: number
  /** Stale copies kept for outages (purged or evicted pages). */
  purgedEntries: number
  /** Bytes of live entries. */
  bytes: number
  staleBytes: number
  generation: number
}

export class PageCache {
  private readonly live = new Map<string, CacheEntry>()
  private readonly stale = new Map<string, PageEntry>()
  private bytes = 0
  private staleBytes = 0
  private readonly staleMaxBytes: number
  /**
   * Bumped by every purge. A fill that started before a purge carries the old number and is not
   * stored: it may hold content rendered before the publish it raced with.
   */
  generation = 0

  constructor(private readonly options: PageCacheOptions) {
    this.staleMaxBytes = options.staleMaxBytes ?? Math.floor(options.maxBytes / 4)
  }

  get(key: string): CacheEntry | undefined {
    return this.live.get(key)
  }

  set(key: string, entry: CacheEntry): void {
    if (entry.bytes > this.options.maxBytes) return
    this.delete(key)
    this.dropStale(key) // a fresh copy supersedes the fallback
    this.live.set(key, entry)
    this.bytes += entry.bytes
    this.evict()
  }

  delete(key: string): void {
    const old = this.live.get(key)
    if (!old) return
    this.live.delete(key)
    this.bytes -= old.bytes
  }

  /** The last copy of a page that is no longer live (purged or evicted), for when upstream fails. */
  fallback(key: string): PageEntry | undefined {
    return this.stale.get(key)
  }

  /**
   * Invalidates every page at once: a publish changes the front page, the feeds and any slug, so
   * per-path invalidation would be guesswork. Immutable assets stay. Returns the number of pages purged.
   */
  purge(): number {
    this.generation++
    let count = 0
    for (const [key, entry] of this.live) {
      if (entry.immutable) continue
      this.delete(key)
      if (entry.kind === 'pass') continue
      this.keepStale(key, entry)
      count++
    }
    return count
  }

  stats(): PageCacheStats {
    return { entries: this.live.size, purgedEntries: this.stale.size, bytes: this.bytes, staleBytes: this.staleBytes, generation: this.generation }
  }

  private keepStale(key: string, entry: PageEntry): void {
    this.dropStale(key)
    if (entry.bytes > this.staleMaxBytes) return
    this.stale.set(key, entry)
    this.staleBytes += entry.bytes
    // Oldest first: Map iteration is insertion order.
    for (const [oldKey] of this.stale) {
      if (this.staleBytes <= this.staleMaxBytes && this.stale.size <= this.options.maxEntries) return
      this.dropStale(oldKey)
    }
  }

  private dropStale(key: string): void {
    const old = this.stale.get(key)
    if (!old) return
    this.stale.delete(key)
    this.staleBytes -= old.bytes
  }

  private over(): boolean {
    return this.live.size > this.options.maxEntries || this.bytes > this.options.maxBytes
  }

  private evict(): void {
    // CLOCK over insertion order; terminates because each entry gets at most one second chance per pass.
    while (this.over()) {
      const oldest = this.live.entries().next()
      if (oldest.done) return
      const [key, entry] = oldest.value
      this.live.delete(key)
      if (entry.used) {
        entry.used = false
        this.live.set(key, entry)
        continue
      }
      this.bytes -= entry.bytes
      // Pages worth showing during an outage; error pages and assets Next can always serve are not.
      if (entry.kind === 'page' && !entry.immutable && entry.status < 400) this.keepStale(key, entry)
    }
  }
}
