import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { chooseEncoding, etagForEncoding } from '@/http/compression'
import { matchesIfNoneMatch, PUBLIC_CACHE_CONTROL } from '@/http/policy'
import type { CachedResponse } from '../lib/apiCache'

/**
 * A public API read answered from the in-memory cache: the smallest body variant the client
 * accepts, with that variant's ETag (304 on a match), and no body for HEAD. Used by the fast path
 * before express and by express itself (for requests the fast path leaves to it, such as CORS).
 * `Vary`: a shared cache must not hand one client's encoding or CORS answer to another.
 */
export function sendCached(res: ServerResponse, request: { method?: string; headers: IncomingHttpHeaders }, hit: CachedResponse, extra: OutgoingHttpHeaders = {}): void {
  const encoding = chooseEncoding(request.headers['accept-encoding'], hit.variants)
  const etag = etagForEncoding(hit.etag, encoding)
  const headers: OutgoingHttpHeaders = { ...extra, etag, 'cache-control': PUBLIC_CACHE_CONTROL, vary: 'Origin, Accept-Encoding', 'x-cache': 'HIT' }
  // Conditional requests are for GET and HEAD; a GraphQL POST answered from memory gets the body.
  if (request.method !== 'POST' && matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  const body = hit.variants[encoding] ?? hit.variants.identity
  if (encoding !== 'identity') headers['content-encoding'] = encoding
  res.writeHead(200, { ...headers, 'content-type': hit.contentType, 'content-length': String(body.length) })
  res.end(request.method === 'HEAD' ? undefined : body)
}
