import type { RequestHandler } from 'express'

/**
 * Headers for every CMS response. The admin is a same-origin app: nobody else may frame it (live
 * preview frames the reader site, not the other way round).
 */
export function securityHeaderValues({ https }: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'content-security-policy': "frame-ancestors 'self'; base-uri 'self'; object-src 'none'",
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

export function securityHeaders(values: Record<string, string>): RequestHandler {
  const entries = Object.entries(values)
  return (_req, res, next) => {
    for (const [k, v] of entries) res.setHeader(k, v)
    next()
  }
}
