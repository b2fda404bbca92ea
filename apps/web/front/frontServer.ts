/**
 * The public HTTP server of the reader site. It sits in front of Next (same process, loopback port)
 * and answers repeat page views from memory, so a cached page never re-enters React.
 *
 * Request routing, in order:
 *   GET/HEAD of a cacheable URL -> HIT from memory, else STALE (+ background refresh), else a
 *                                  single-flight fill (MISS) if the client has renders left,
 *                                  else a stale copy (STALE-IF-ERROR), else the 503 (or 429) page.
 *                                  Query parameters no page reads are not part of the URL here.
 *   /api/revalidate             -> signed webhook, purges the cache
 *   anything else               -> streamed to Next unchanged
 */
import { drainHttpServer } from '@/process/drain'
import type http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { relabel, type CacheEntry, type CacheLabel, type PageEntry } from './entry'
import { Filler, RSC_VARIANT_HEADERS, type Log } from './fill'
import { buildSecurityHeaders } from './headers'
import { PageCache } from './pageCache'
import { proxyRequest, proxyUpgrade, type ProxyContext } from './proxy'
import { handleRevalidate, REVALIDATE_PATH, type RevalidateContext } from './revalidate'
import { buildTooMany, buildUnavailable, sendUnavailable } from './unavailable'
import { Upstream } from './upstream'
import { wantsPrivateView } from '@/http/policy'
import { canonicalUrl, createMissLimiter } from './missLimit'
import { createReplayGuard } from '@/webhook/replay'
import { createLimitedServer, type ServerLimits } from '@/http/httpLimits'
import { clientAddress, parseTrustProxy, type TrustProxy } from '@/http/trustProxy'
import { accepts } from '@/http/compression'

export interface FrontServerOptions {
  /** Where Next listens (loopback). */
  upstream: URL
  revalidateSecret: string
  /** How long a page is served as fresh; after that it is served stale while one refresh runs. */
  ttlMs: number
  log?: Log
  /** Added to every response (e.g. Strict-Transport-Security in a deployment behind TLS). */
  extraHeaders?: Record<string, string>
  /** The CMS origin, allowed to frame the site for live preview. */
  cmsUrl?: string
  /** false in development: every request goes to Next, so edits show up at once. */
  cacheEnabled?: boolean
  maxEntries?: number
  maxBytes?: number
  /** Larger responses are streamed through instead of held in memory. */
  maxEntryBytes?: number
  upstreamTimeoutMs?: number
  /** Renders (cache misses) one client may cause per minute; unlimited when unset. */
  missesPerMinute?: number
  /** Budget for stale copies of evicted and purged pages. */
  staleMaxBytes?: number
  /** Proxies whose X-Forwarded-For names the client (default: loopback). */
  trustProxy?: TrustProxy
  /** Socket timeouts and connection cap; Node's defaults when unset. */
  limits?: ServerLimits
  /** Development: Next's hot reloading needs eval in pages rendered per request. */
  dev?: boolean
}

export interface FrontServer {
  server: http.Server
  cache: PageCache
  /** Drops every cached page (a purge webhook or a moved content revision); returns how many. */
  purge(): number
  /** Stops accepting, lets in-flight requests finish (cut after `graceMs`), releases upstream sockets. */
  close(graceMs?: number): Promise<void>
}

const DEFAULTS = {
  maxEntries: 5_000,
  maxBytes: 200 * 1024 * 1024,
  maxEntryBytes: 8 * 1024 * 1024,
  upstreamTimeoutMs: 10_000,
}
/** After a failed background refresh, keep serving the stale copy this long before trying again. */
const REFRESH_BACKOFF_MS = 5_000
const STATIC_PREFIX = '/_next/static/'

export function createFrontServer(options: FrontServerOptions): FrontServer {
  const log = options.log ?? console.log
  const cacheEnabled = options.cacheEnabled ?? true
  const ttlMs = options.ttlMs
  const security = buildSecurityHeaders({ cmsUrl: options.cmsUrl, extraHeaders: options.extraHeaders })
  const upstream = new Upstream(options.upstream, options.upstreamTimeoutMs ?? DEFAULTS.upstreamTimeoutMs)
  const cache = new PageCache({ maxEntries: options.maxEntries ?? DEFAULTS.maxEntries, maxBytes: options.maxBytes ?? DEFAULTS.maxBytes, staleMaxBytes: options.staleMaxBytes })
  const filler = new Filler({ cache, upstream, security, ttlMs, maxEntryBytes: options.maxEntryBytes ?? DEFAULTS.maxEntryBytes, log })
  const unavailable = buildUnavailable(security)
  const tooMany = buildTooMany(security)
  const misses = options.missesPerMinute === undefined ? undefined : createMissLimiter(options.missesPerMinute)
  const trustProxy = options.trustProxy ?? parseTrustProxy('loopback')
  const proxyContext: ProxyContext = {
    upstream,
    security,
    dev: options.dev ?? false,
    onUnavailable: (req, res, reason) => {
      log(`[web] upstream failed for ${req.method} ${req.url}: ${reason}`)
      sendUnavailable(req, res, unavailable)
    },
  }
  const purge = (): number => {
    const purged = cache.purge()
    filler.forgetInflight()
    return purged
  }
  const revalidateContext: RevalidateContext = { secret: options.revalidateSecret, security, log, replays: createReplayGuard(), purge }

  // The hit path: one key computation, one Map lookup, one writeHead + end with prebuilt objects.
  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method
    if (cacheEnabled && (method === 'GET' || method === 'HEAD')) {
      const key = cacheKey(req)
      if (key !== undefined) {
        const entry = cache.get(key)
        if (entry !== undefined && entry.kind === 'page' && entry.expiresAt > Date.now()) {
          entry.used = true
          serve(req, res, entry, 'HIT')
          return
        }
        slowPath(req, res, key, entry).catch((err: unknown) => fail(req, res, err))
        return
      }
    }
    if (pathOf(req.url) === REVALIDATE_PATH) return handleRevalidate(req, res, revalidateContext)
    proxyRequest(req, res, proxyContext)
  }

  async function slowPath(req: IncomingMessage, res: ServerResponse, key: string, entry: CacheEntry | undefined): Promise<void> {
    const now = Date.now()
    if (entry?.kind === 'pass') {
      if (entry.expiresAt > now) return proxyRequest(req, res, proxyContext)
      cache.delete(key)
    } else if (entry?.kind === 'page') {
      // Expired: the visitor gets the old copy now; one refresh replaces it for the next one.
      serve(req, res, entry, 'STALE')
      if (now >= entry.refreshAfter) refreshInBackground(key, req, entry)
      return
    }
    const path = fillPath(key)
    const fallback = cache.fallback(key)
    if (fallback && filler.upstreamDown(now)) {
      // Upstream just failed to answer at all: don't make this visitor wait out another timeout for
      // a page we can serve now. The fill still runs, and its success ends the outage state.
      serve(req, res, fallback, 'STALE-IF-ERROR')
      void filler.fill(key, path, req, isImmutable(req))
      return
    }
    // A render this client would start (joining one already running costs nothing).
    if (misses && !filler.running(key)) {
      const verdict = misses.hit(clientAddress(req, trustProxy), now)
      if (!verdict.allowed) {
        if (fallback) return serve(req, res, fallback, 'STALE-IF-ERROR')
        return sendUnavailable(req, res, tooMany, 429, verdict.retryAfterSeconds)
      }
    }
    const result = await filler.fill(key, path, req, isImmutable(req))
    if (res.destroyed) return
    if (result.kind === 'page') return serve(req, res, result.entry, 'MISS')
    if (result.kind === 'pass') return proxyRequest(req, res, proxyContext)
    // Read again: a purge may have set a copy aside while this fill was running.
    const lastResort = cache.fallback(key)
    if (lastResort) return serve(req, res, lastResort, 'STALE-IF-ERROR')
    sendUnavailable(req, res, unavailable)
  }

  function refreshInBackground(key: string, req: IncomingMessage, stale: PageEntry): void {
    void filler.fill(key, fillPath(key), req, stale.immutable).then((result) => {
      if (result.kind === 'failed') stale.refreshAfter = Date.now() + REFRESH_BACKOFF_MS
    })
  }

  function fail(req: IncomingMessage, res: ServerResponse, err: unknown): void {
    log(`[web] error serving ${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}`)
    if (!res.headersSent) sendUnavailable(req, res, unavailable)
    else res.destroy()
  }

  const server = createLimitedServer(options.limits, onRequest)
  // Upgraded sockets leave http.Server's connection tracking, so closeAllConnections() cannot see them.
  const upgraded = new Set<Duplex>()
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket)
    socket.once('close', () => upgraded.delete(socket))
    proxyUpgrade(req, socket, head, upstream)
  })

  return {
    server,
    cache,
    purge,
    close: (graceMs = 8_000) => {
      // Long-lived by nature (dev HMR): waiting for them would always run into the grace period.
      for (const socket of upgraded) socket.destroy()
      return closeServer(server, upstream, graceMs)
    },
  }
}

function serve(req: IncomingMessage, res: ServerResponse, entry: PageEntry, label: CacheLabel): void {
  const accepted = req.headers['accept-encoding']
  const variant = (entry.br !== undefined && accepts(accepted, 'br') && entry.br) || (entry.gzip !== undefined && accepts(accepted, 'gzip') && entry.gzip) || entry.identity
  const token = entry.etagToken
  if (token !== undefined) {
    const ifNoneMatch = req.headers['if-none-match']
    if (ifNoneMatch !== undefined && (ifNoneMatch.includes(token) || ifNoneMatch.trim() === '*')) {
      res.writeHead(304, relabel(variant.notModified, label))
      res.end()
      return
    }
  }
  res.writeHead(entry.status, relabel(variant.headers, label))
  if (req.method === 'HEAD') res.end()
  else res.end(variant.body)
}

/**
 * The cache key, or undefined when this request must not be answered from the shared cache.
 * Key = the canonical URL (query parameters no page reads dropped); RSC requests (client-side
 * navigation) get their own variant, since Next answers the same URL with HTML or with a component
 * payload depending on headers.
 */
function cacheKey(req: IncomingMessage): string | undefined {
  const url = req.url
  if (url === undefined || url.charCodeAt(0) !== 47 /* '/' */) return undefined
  if (url.startsWith('/api') && (url.length === 4 || url[4] === '/' || url[4] === '?')) return undefined
  const headers = req.headers
  // Draft mode, Next preview data or a Payload login: this visitor may see unpublished content.
  if (headers.range !== undefined || wantsPrivateView(headers)) return undefined
  if (headers.rsc !== undefined) return `\0${RSC_VARIANT_HEADERS.map((name) => String(headers[name] ?? '')).join('\0')}\0${canonicalUrl(url, true)}`
  return canonicalUrl(url, false)
}

/** The URL a key's fill asks upstream for: the key itself, or its last part for an RSC variant. */
function fillPath(key: string): string {
  return key.charCodeAt(0) === 0 ? key.slice(key.lastIndexOf('\0') + 1) : key
}

function isImmutable(req: IncomingMessage): boolean {
  return req.url?.startsWith(STATIC_PREFIX) ?? false
}

function pathOf(url: string | undefined): string {
  if (url === undefined) return '/'
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}


async function closeServer(server: http.Server, upstream: Upstream, graceMs: number): Promise<void> {
  await drainHttpServer(server, graceMs)
  upstream.close()
}

/** Listens and resolves with the bound port (useful with port 0). */
export function listen(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}
