import type { RequestHandler } from 'express'
import { isRead } from './requestKind'

/**
 * Public reads may be fetched from the listed origins, without credentials: other apps read
 * published content from the browser. Anything credentialed or writing stays same-origin (the
 * admin), so no CORS header is ever sent for it and browsers refuse cross-origin writes.
 */
export function publicReadCors(allowedOrigins: string[]): RequestHandler {
  const allowed = new Set(allowedOrigins)
  return (req, res, next) => {
    const origin = req.headers.origin
    if (!origin || !allowed.has(origin)) return next()
    res.vary('Origin')
    if (req.method === 'OPTIONS') {
      const wanted = String(req.headers['access-control-request-method'] ?? '').toUpperCase()
      if (wanted !== 'GET' && wanted !== 'HEAD') return res.status(403).json({ errors: [{ message: 'Cross-origin writes are not allowed' }] })
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'Content-Type, If-None-Match',
        'Access-Control-Max-Age': '600',
      })
      return res.status(204).end()
    }
    if (isRead(req)) {
      res.set('Access-Control-Allow-Origin', origin)
      res.set('Access-Control-Expose-Headers', 'ETag, Retry-After')
    }
    next()
  }
}
