import type { RequestHandler } from 'express'
import { carriesCredentials, etagOf, matchesIfNoneMatch, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/http/policy'
import { chooseEncoding, compressVariants, etagForEncoding } from '@/http/compression'
import { apiCache } from '../lib/apiCache'
import { canonicalApiKey } from '../lib/apiCacheKey'
import { graphqlReadKey, isRead } from './requestKind'
import { sendCached } from './sendCached'

type Chunk = string | Buffer | Uint8Array
const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
  Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk)

/**
 * Give every successful API read an ETag (304 on a match), a Cache-Control that says who may
 * store it, and a compressed body when the client accepts one: published content for anonymous
 * readers may sit in a CDN briefly; anything read with credentials, and anything about users, is
 * private and never stored.
 *
 * Anonymous reads are also kept in the in-memory API cache (apiCache.ts) under their canonical URL
 * (a GraphQL POST of queries only, under the key its guard made from the documents and variables),
 * compressed once when stored, and answered from it until the next publish purges it: Payload's
 * REST handler costs tens of milliseconds per read, the cache microseconds. The purge generation is
 * read when the request starts, so a read that raced a publish is never stored.
 *
 * Payload's route handlers stream their JSON into the Node response, so the body is collected
 * here and sent once, with its length. API responses are small JSON documents, bounded by
 * `limit` and `maxDepth`; this is not used for uploads or the admin.
 */
export function apiCacheHeaders(): RequestHandler {
  return (req, res, next) => {
    if (!isRead(req, res)) {
      res.setHeader('cache-control', PRIVATE_CACHE_CONTROL)
      return next()
    }
    const key = graphqlReadKey(res) ?? canonicalApiKey(req.originalUrl)
    // Mounted under /api, so req.path is relative to it: /api/users/me is '/users/me' here.
    const path = `${req.baseUrl}${req.path}`
    const graphql = path === '/api/graphql'
    const isPrivate = carriesCredentials(req.headers) || path.startsWith('/api/users')
    const shareable = !isPrivate && key !== undefined
    const hit = shareable && !String(req.headers['cache-control'] ?? '').includes('no-cache') ? apiCache.get(key) : undefined
    if (hit) return sendCached(res, req, hit)
    const generation = apiCache.generation()
    const chunks: Buffer[] = []
    const end = res.end.bind(res)
    const writeHead = res.writeHead.bind(res)
    let head: Parameters<typeof res.writeHead> | null = null

    res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
      head = args
      return res
    }) as typeof res.writeHead
    res.flushHeaders = () => undefined
    res.write = ((chunk: Chunk, encoding?: BufferEncoding | ((err?: Error | null) => void), cb?: (err?: Error | null) => void) => {
      chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined))
      const done = typeof encoding === 'function' ? encoding : cb
      done?.()
      return true
    }) as typeof res.write
    res.end = ((chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), cb?: () => void) => {
      if (chunk && typeof chunk !== 'function') chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined))
      if (head) applyHead(res, head)
      const body = Buffer.concat(chunks)
      const cacheable = res.statusCode === 200 && !res.getHeader('set-cookie')
      res.setHeader('cache-control', cacheable && !isPrivate ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL)
      if (!cacheable) {
        if (res.statusCode !== 304) res.setHeader('content-length', body.length)
        writeHead(res.statusCode)
        return end(req.method === 'HEAD' ? undefined : body)
      }
      const contentType = String(res.getHeader('content-type') ?? 'application/json')
      const variants = compressVariants(body, contentType)
      const baseEtag = String(res.getHeader('etag') ?? etagOf(body))
      // GraphQL reports failures inside a 200 (`errors`); only a clean answer is worth keeping.
      if (shareable && req.method !== 'HEAD' && !(graphql && hasGraphqlErrors(body))) apiCache.set(key, { variants, etag: baseEtag, contentType, storedAt: Date.now() }, generation)
      const coding = chooseEncoding(req.headers['accept-encoding'], variants)
      const etag = etagForEncoding(baseEtag, coding)
      res.setHeader('etag', etag)
      res.vary('Accept-Encoding')
      if (!isPrivate) res.vary('Origin')
      if (req.method !== 'POST' && matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
        res.statusCode = 304
        res.removeHeader('content-length')
        res.removeHeader('content-type')
        writeHead(304)
        return end(typeof cb === 'function' ? cb : undefined)
      }
      const sent = variants[coding] ?? body
      if (coding !== 'identity') res.setHeader('content-encoding', coding)
      res.setHeader('content-length', sent.length)
      writeHead(res.statusCode)
      return end(req.method === 'HEAD' ? undefined : sent)
    }) as typeof res.end
    next()
  }
}

function hasGraphqlErrors(body: Buffer): boolean {
  try {
    const data: unknown = JSON.parse(body.toString('utf8'))
    return (Array.isArray(data) ? data : [data]).some((result) => typeof result !== 'object' || result === null || 'errors' in result)
  } catch {
    return true
  }
}

/** Replay a deferred writeHead(status, [message], [headers]) onto the response. */
function applyHead(res: Parameters<RequestHandler>[1], [status, a, b]: unknown[]): void {
  res.statusCode = status as number
  const headers = typeof a === 'string' ? b : a
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string)
  } else if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v as string)
  }
}
