import type { RequestHandler } from 'express'
import { newNonce, nonceScriptSrc } from '@/http/csp'

const BASE_POLICY = "frame-ancestors 'self'; base-uri 'self'; object-src 'none'"

/**
 * Headers for every CMS response. The admin is a same-origin app: nobody else may frame it (live
 * preview frames the reader site, not the other way round). These fixed values (no scripts at all)
 * go on answers that are never HTML, such as the by-slug fast path; `securityHeaders` replaces the
 * policy per request with one that lets the admin's own scripts run.
 */
export function securityHeaderValues({ https }: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'content-security-policy': `${BASE_POLICY}; script-src 'none'`,
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}

/**
 * Sets the headers, with a fresh script nonce per response. The same policy goes into the request
 * headers Next sees: Next reads the nonce from there and stamps it on every script of the admin.
 */
export function securityHeaders(values: Record<string, string>, { dev = false }: { dev?: boolean } = {}): RequestHandler {
  const entries = Object.entries(values).filter(([name]) => name !== 'content-security-policy')
  return (req, res, next) => {
    for (const [k, v] of entries) res.setHeader(k, v)
    const policy = `${BASE_POLICY}; ${nonceScriptSrc(newNonce(), dev)}`
    req.headers['content-security-policy'] = policy
    res.setHeader('content-security-policy', policy)
    next()
  }
}
