/**
 * Cache fills: fetch a page from upstream once, however many visitors are waiting for it.
 *
 * A fill is anonymous by construction: it forwards no cookies, no Authorization, no conditional or
 * forwarding headers, and a fixed User-Agent, so what is stored is exactly what any visitor without
 * a session would see, whoever happened to trigger it.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import { buildPageEntry, passEntry, type PageEntry } from './entry'
import type { HeaderMap } from './headers'
import type { PageCache } from './pageCache'
import type { Upstream } from './upstream'
import { isEmptyNotFoundShell, notFoundDocumentLoader } from './notFoundDocument'
import { isHtmlPage, withoutFrameworkScripts } from './frameworkScripts'

export type Log = (line: string) => void

export type FillResult =
  /** Serve this to every waiter; it is in the cache unless its status is not one we keep. */
  | { kind: 'page'; entry: PageEntry }
  /** Not shareable (sets cookies, too large, pre-encoded): each waiter asks upstream itself. */
  | { kind: 'pass' }
  /** Upstream down, timed out or 5xx: the caller falls back to a purged copy or the 503 page. */
  | { kind: 'failed'; reason: string }

export interface FillerOptions {
  cache: PageCache
  upstream: Upstream
  security: HeaderMap
  ttlMs: number
  maxEntryBytes: number
  log: Log
}

export const FILL_USER_AGENT = 'TripsitterFrontCache/1'

/** Headers that select the React Server Components payload variant of a URL; part of the cache key. */
export const RSC_VARIANT_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-router-state-tree', 'next-url'] as const

const CACHEABLE_STATUS = new Set([200, 301, 308, 404])

/** How long after a connection-level failure upstream counts as down (see `upstreamDown`). */
export const UPSTREAM_DOWN_MS = 5_000

export class Filler {
  private readonly inflight = new Map<string, Promise<FillResult>>()
  private unreachableAt = Number.NEGATIVE_INFINITY
  private readonly notFoundDocument: () => Promise<Buffer | null>

  constructor(private readonly options: FillerOptions) {
    this.notFoundDocument = notFoundDocumentLoader(options.upstream, { 'user-agent': FILL_USER_AGENT, 'accept-encoding': 'identity', accept: 'text/html' })
  }

  /** Single flight: concurrent calls for one key share one upstream request. */
  /** `path` is what upstream is asked for: the canonical URL of the key, not the visitor's spelling. */
  fill(key: string, path: string, req: IncomingMessage, immutable: boolean): Promise<FillResult> {
    const pending = this.inflight.get(key)
    if (pending) return pending
    const headers = fillHeaders(req)
    const generation = this.options.cache.generation
    const promise = this.run(key, path, headers, immutable, generation).finally(() => {
      if (this.inflight.get(key) === promise) this.inflight.delete(key)
    })
    this.inflight.set(key, promise)
    return promise
  }

  /**
   * True shortly after upstream could not be reached at all (refused, reset, timed out). A 5xx does
   * not count: one broken page says nothing about the others.
   */
  /** True when a request for `key` would join a fill already running (it costs no extra render). */
  running(key: string): boolean {
    return this.inflight.has(key)
  }

  upstreamDown(now: number): boolean {
    return now - this.unreachableAt < UPSTREAM_DOWN_MS
  }

  /** After a purge, requests must not join fills that started before it (they would get old content). */
  forgetInflight(): void {
    this.inflight.clear()
  }

  private async run(key: string, path: string, headers: OutgoingHttpHeaders, immutable: boolean, generation: number): Promise<FillResult> {
    const { cache, upstream, security, ttlMs, maxEntryBytes, log } = this.options
    try {
      const outcome = await upstream.fetchBuffered(path, headers, maxEntryBytes)
      const store = (entry: Parameters<PageCache['set']>[1]): void => {
        if (cache.generation === generation) cache.set(key, entry)
      }
      if (!outcome.ok) {
        if (outcome.tooLarge) {
          store(passEntry(Date.now() + ttlMs))
          return { kind: 'pass' }
        }
        this.unreachableAt = Date.now()
        log(`[web] upstream failed for ${path}: ${outcome.reason}`)
        return { kind: 'failed', reason: outcome.reason }
      }
      this.unreachableAt = Number.NEGATIVE_INFINITY
      const { status, headers: resHeaders } = outcome.response
      let { body } = outcome.response
      if (isEmptyNotFoundShell(status, resHeaders, body)) body = (await this.notFoundDocument()) ?? body
      if (status >= 500) {
        log(`[web] upstream answered ${status} for ${path}`)
        return { kind: 'failed', reason: `upstream status ${status}` }
      }
      // A cookie set for one visitor must never reach another; a body we did not encode cannot be
      // served to clients that do not accept its encoding.
      const encoding = resHeaders['content-encoding']
      if (resHeaders['set-cookie'] !== undefined || (encoding !== undefined && encoding !== 'identity')) {
        store(passEntry(Date.now() + ttlMs))
        return { kind: 'pass' }
      }
      // Reader pages need no client code: what is shared is the HTML without Next's runtime.
      if (isHtmlPage(resHeaders['content-type'])) body = Buffer.from(withoutFrameworkScripts(body.toString('utf8')))
      const keep = immutable ? status === 200 : CACHEABLE_STATUS.has(status)
      const entry = await buildPageEntry({
        status,
        headers: resHeaders,
        body,
        immutable: keep && immutable,
        expiresAt: keep && immutable ? Number.POSITIVE_INFINITY : Date.now() + ttlMs,
        security,
      })
      if (keep) store(entry)
      // Shared with this fill's waiters only; a stale copy of the key must not outlive it either.
      else if (cache.generation === generation) cache.delete(key)
      return { kind: 'page', entry }
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      log(`[web] cache fill failed for ${path}: ${reason}`)
      return { kind: 'failed', reason }
    }
  }
}

/**
 * No Host, X-Forwarded-Host or -Proto from the visitor: a fill's response is shared, so a request
 * with `X-Forwarded-Host: evil.example` must not be able to put that host into a cached page (cache
 * poisoning). Pages build absolute URLs from WEB_URL, not from request headers.
 */
function fillHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'user-agent': FILL_USER_AGENT,
    // The cache compresses once itself; identity bytes are what it stores and hashes.
    'accept-encoding': 'identity',
  }
  const accept = req.headers.accept
  if (accept) headers.accept = accept
  for (const name of RSC_VARIANT_HEADERS) {
    const value = req.headers[name]
    if (value !== undefined) headers[name] = value
  }
  return headers
}
