/**
 * The in-memory store behind the front server.
 *
 * Two maps: `live` answers requests; `purged` holds what a revalidation webhook invalidated, kept
 * only as a last resort for when upstream fails (see fill.ts). Memory is bounded by entry count and
 * bytes across both, evicting purged entries first, then live ones by CLOCK (second chance): a hit
 * only sets a flag, which keeps the hit path free of the Map delete/re-insert a strict LRU needs.
 */
import type { CacheEntry, PageEntry } from './entry'

export interface PageCacheOptions {
  maxEntries: number
  maxBytes: number
}

export interface PageCacheStats {
  entries: number
  purgedEntries: number
  bytes: number
  generation: number
}

export class PageCache {
  private readonly live = new Map<string, CacheEntry>()
  private readonly purged = new Map<string, PageEntry>()
  private bytes = 0
  /**
   * Bumped by every purge. A fill that started before a purge carries the old number and is not
   * stored: it may hold content rendered before the publish it raced with.
   */
  generation = 0

  constructor(private readonly options: PageCacheOptions) {}

  get(key: string): CacheEntry | undefined {
    return this.live.get(key)
  }

  set(key: string, entry: CacheEntry): void {
    if (entry.bytes > this.options.maxBytes) return
    this.delete(key)
    this.dropPurged(key) // a fresh copy supersedes the fallback
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

  /** The copy invalidated by the last purge(s), for serving when upstream is failing. */
  fallback(key: string): PageEntry | undefined {
    return this.purged.get(key)
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
      this.live.delete(key)
      if (entry.kind === 'pass') {
        this.bytes -= entry.bytes
        continue
      }
      this.dropPurged(key)
      this.purged.set(key, entry)
      count++
    }
    return count
  }

  stats(): PageCacheStats {
    return { entries: this.live.size, purgedEntries: this.purged.size, bytes: this.bytes, generation: this.generation }
  }

  private dropPurged(key: string): void {
    const old = this.purged.get(key)
    if (!old) return
    this.purged.delete(key)
    this.bytes -= old.bytes
  }

  private over(): boolean {
    return this.live.size + this.purged.size > this.options.maxEntries || this.bytes > this.options.maxBytes
  }

  private evict(): void {
    // Fallback copies go first: they only matter during an outage.
    for (const [key] of this.purged) {
      if (!this.over()) return
      this.dropPurged(key)
    }
    // CLOCK over insertion order; terminates because each entry gets at most one second chance per pass.
    while (this.over()) {
      const oldest = this.live.entries().next()
      if (oldest.done) return
      const [key, entry] = oldest.value
      this.live.delete(key)
      if (entry.used) {
        entry.used = false
        this.live.set(key, entry)
      } else {
        this.bytes -= entry.bytes
      }
    }
  }
}
