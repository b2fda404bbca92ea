import type { IncomingMessage, ServerResponse } from 'node:http'
import { apiCache } from '@/server/apiCache'
import { matchesIfNoneMatch, PUBLIC_CACHE_CONTROL } from '@/server/httpCache'
import { clientIp, TOO_MANY_BODY, type RateLimiter } from './rateLimiter'

const PREFIX = '/api/articles/by-slug/'

/**
 * The common public read, answered from memory before express and Next are entered: an anonymous
 * GET of an assembled article that the endpoint rendered in the last few seconds. Anything else
 * (credentials, a query string, CORS, `Cache-Control: no-cache`, a miss) returns false and takes the
 * full path.
 */
export function createBySlugFastPath(opts: { baseHeaders: Record<string, string>; limiter: RateLimiter; trustProxy: boolean; ttlMs?: number }) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? ''
    if (req.method !== 'GET' || !url.startsWith(PREFIX)) return false
    const h = req.headers
    if (h.authorization || h.origin || (h.cookie && h.cookie.includes('payload-token='))) return false
    // `no-cache` asks for a response checked against the origin: the reader site sends it on its
    // (rare) cache fills, so a page rebuilt after a purge never gets a copy this memory still holds.
    if (h['cache-control']?.includes('no-cache')) return false
    const rest = url.slice(PREFIX.length)
    if (rest.includes('?') || rest.includes('/') || rest.includes('%')) return false
    const hit = apiCache.get(rest, opts.ttlMs)
    if (!hit) return false
    const verdict = opts.limiter.hit(clientIp(req, opts.trustProxy))
    if (!verdict.allowed) {
      res.writeHead(429, { ...opts.baseHeaders, 'content-type': 'application/json; charset=utf-8', 'retry-after': String(verdict.retryAfterSeconds) })
      res.end(TOO_MANY_BODY)
      return true
    }
    const headers = { ...opts.baseHeaders, etag: hit.etag, 'cache-control': PUBLIC_CACHE_CONTROL, 'x-cache': 'HIT' }
    if (matchesIfNoneMatch(h['if-none-match'], hit.etag)) {
      res.writeHead(304, headers)
      res.end()
    } else {
      res.writeHead(200, { ...headers, 'content-type': hit.contentType, 'content-length': String(hit.body.length) })
      res.end(hit.body)
    }
    return true
  }
}
