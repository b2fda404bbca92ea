import type { Request, RequestHandler, Response } from 'express'
import { isRead } from './requestKind'

/**
 * Public reads may be fetched from the listed origins: other apps read published content from the
 * browser, anonymously or with an integration's API key (`Authorization`). GraphQL reads count:
 * a GraphQL query is a POST, so its preflight is allowed for /api/graphql, and graphqlGuard refuses
 * cross-origin mutations before they run. Cookies are never allowed cross-origin (no
 * Allow-Credentials), so the admin's session cannot be ridden from another site.
 *
 * Every other answer carries no CORS header at all: Payload adds its own
 * (`Access-Control-Allow-Methods: PUT, PATCH, POST, ...` on every response), which are removed here
 * unless this middleware granted the request. `Vary: Origin` is on every API answer, since whether
 * the CORS headers are present depends on the Origin sent, and a shared cache must not hand one
 * origin's answer to another.
 */
const ALLOW_HEADERS = 'Authorization, Content-Type, If-None-Match'
const EXPOSE_HEADERS = 'ETag, Retry-After'

const NONE: ReadonlySet<string> = new Set()
const READ_HEADERS: ReadonlySet<string> = new Set(['access-control-allow-origin', 'access-control-expose-headers'])
const PREFLIGHT_HEADERS: ReadonlySet<string> = new Set(['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age'])

export const isGraphqlPath = (req: Request): boolean => /^\/graphql\/?$/.test(req.path)

export function publicReadCors(allowedOrigins: string[]): RequestHandler {
  const allowed = new Set(allowedOrigins)
  return (req, res, next) => {
    const origin = req.headers.origin
    const listed = !!origin && allowed.has(origin)
    const graphql = isGraphqlPath(req)
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      const wanted = String(req.headers['access-control-request-method']).toUpperCase()
      const readable = wanted === 'GET' || wanted === 'HEAD' || (graphql && wanted === 'POST')
      stripForeignCors(res, listed && readable ? PREFLIGHT_HEADERS : NONE)
      if (!listed || !readable) return void res.status(403).set('cache-control', 'no-store').json({ errors: [{ message: listed ? 'Cross-origin writes are not allowed' : 'This origin may not read the API from a browser' }] })
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': graphql ? 'GET, HEAD, POST' : 'GET, HEAD',
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
      })
      return void res.status(204).end()
    }
    const granted = listed && (isRead(req) || (graphql && req.method === 'POST'))
    stripForeignCors(res, granted ? READ_HEADERS : NONE)
    if (granted) {
      res.set('Access-Control-Allow-Origin', origin)
      res.set('Access-Control-Expose-Headers', EXPOSE_HEADERS)
    }
    next()
  }
}

/**
 * Just before the head is sent: drop the access-control-* headers this module did not grant, and
 * make sure Vary names Origin.
 */
function stripForeignCors(res: Response, keep: ReadonlySet<string>): void {
  const writeHead = res.writeHead
  res.writeHead = ((...args: unknown[]) => {
    // A wildcard (the OpenAPI document) is the same answer for every origin: it stays.
    if (res.getHeader('access-control-allow-origin') === '*') return (writeHead as (...a: unknown[]) => Response).apply(res, args)
    for (const name of res.getHeaderNames()) if (name.startsWith('access-control-') && !keep.has(name)) res.removeHeader(name)
    // Next replaces Vary with its own list; Origin goes back in.
    const vary = [res.getHeader('vary') ?? []].flat().join(', ')
    if (!/(^|,\s*)origin\s*(,|$)/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Origin` : 'Origin')
    const headers = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null)
    if (headers && !Array.isArray(headers)) {
      for (const name of Object.keys(headers)) if (name.toLowerCase().startsWith('access-control-') && !keep.has(name.toLowerCase())) delete (headers as Record<string, unknown>)[name]
    }
    return (writeHead as (...a: unknown[]) => Response).apply(res, args)
  }) as typeof res.writeHead
}
