import type { IncomingMessage, ServerResponse } from 'node:http'
import { apiCache, type CachedResponse } from '../lib/apiCache'
import { canonicalApiKey } from '../lib/apiCacheKey'
import { bareContentType, MAX_REMEMBERED_BODY_BYTES, rememberedGraphqlRead } from '../lib/graphqlReadKeys'
import { GRAPHQL_PATH } from './graphqlGuard'
import { keepReadBody } from './requestBody'
import { carriesCredentials } from '@/http/policy'
import type { RateLimiter } from '@/http/fixedWindow'
import { TOO_MANY_BODY, type RateLimitKey } from './rateLimit'
import { sendCached } from './sendCached'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/**
 * The common public read, answered from memory before express and Next are entered: an anonymous
 * GET or HEAD under /api that an earlier identical read stored in the last few seconds (by-slug,
 * lists, `where`, find-by-id), or an anonymous GraphQL POST whose exact bytes an
 * earlier read was stored under (graphqlReadKeys.ts). Anything else (credentials, CORS,
 * `Cache-Control: no-cache`, a miss) takes the full path, which also fills the cache: a GET returns
 * false; a POST, whose body this has read by then, is handed to `fallback` with that body kept.
 */
export function createApiFastPath(opts: { baseHeaders: Record<string, string>; limiter: RateLimiter; keyOf: RateLimitKey; fallback: Handler }) {
  const answer = (req: IncomingMessage, res: ServerResponse, hit: CachedResponse): void => {
    const client = opts.keyOf(req)
    const verdict = client === null ? { allowed: true, retryAfterSeconds: 0 } : opts.limiter.hit(client)
    if (!verdict.allowed) {
      res.writeHead(429, { ...opts.baseHeaders, 'content-type': 'application/json; charset=utf-8', 'retry-after': String(verdict.retryAfterSeconds) })
      res.end(TOO_MANY_BODY)
      return
    }
    sendCached(res, req, hit, opts.baseHeaders)
  }

  const graphqlPost = (req: IncomingMessage, res: ServerResponse): boolean => {
    const length = Number(req.headers['content-length'])
    if (!(length > 0 && length <= MAX_REMEMBERED_BODY_BYTES)) return false
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.once('error', () => res.destroy())
    req.once('end', () => {
      const body = Buffer.concat(chunks)
      const key = rememberedGraphqlRead(bareContentType(req.headers['content-type']), body.toString('utf8'))
      const hit = key === undefined ? undefined : apiCache.get(key)
      if (hit) return answer(req, res, hit)
      keepReadBody(req, res, body)
      opts.fallback(req, res)
    })
    return true
  }

  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? ''
    if (!url.startsWith('/api/')) return false
    const h = req.headers
    if (h.origin || carriesCredentials(h)) return false
    // `no-cache` asks for a response checked against the origin: the reader site sends it on its
    // (rare) cache fills, so a page rebuilt after a purge never gets a copy this memory still holds.
    if (h['cache-control']?.includes('no-cache')) return false
    if (req.method === 'POST') return url === GRAPHQL_PATH && graphqlPost(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    const cacheKey = canonicalApiKey(url)
    const hit = cacheKey === undefined ? undefined : apiCache.get(cacheKey)
    if (!hit) return false
    answer(req, res, hit)
    return true
  }
}
