import type { IncomingMessage, ServerResponse } from 'node:http'
import { apiCache } from '../lib/apiCache'
import { canonicalApiKey } from '../lib/apiCacheKey'
import { carriesCredentials } from '@/http/policy'
import type { RateLimiter } from '@/http/fixedWindow'
import { TOO_MANY_BODY, type RateLimitKey } from './rateLimit'
import { sendCached } from './sendCached'

/**
 * The common public read, answered from memory before express and Next are entered: an anonymous
 * GET or HEAD under /api that an earlier identical read stored in the last few seconds (by-slug,
 * lists, `where`, find-by-id). Anything else (credentials, CORS, `Cache-Control:
 * no-cache`, a miss) returns false and takes the full path, which also fills the cache.
 */
export function createApiFastPath(opts: { baseHeaders: Record<string, string>; limiter: RateLimiter; keyOf: RateLimitKey }) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const url = req.url ?? ''
    if (!url.startsWith('/api/')) return false
    const h = req.headers
    if (h.origin || carriesCredentials(h)) return false
    // `no-cache` asks for a response checked against the origin: the reader site sends it on its
    // (rare) cache fills, so a page rebuilt after a purge never gets a copy this memory still holds.
    if (h['cache-control']?.includes('no-cache')) return false
    const cacheKey = canonicalApiKey(url)
    const hit = cacheKey === undefined ? undefined : apiCache.get(cacheKey)
    if (!hit) return false
    const client = opts.keyOf(req)
    const verdict = client === null ? { allowed: true, retryAfterSeconds: 0 } : opts.limiter.hit(client)
    if (!verdict.allowed) {
      res.writeHead(429, { ...opts.baseHeaders, 'content-type': 'application/json; charset=utf-8', 'retry-after': String(verdict.retryAfterSeconds) })
      res.end(TOO_MANY_BODY)
      return true
    }
    sendCached(res, req, hit, opts.baseHeaders)
    return true
  }
}
