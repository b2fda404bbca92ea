/**
 * Header policy for the front server. Everything here is computed once at startup: the hit path
 * hands a prebuilt object to `res.writeHead` and never assembles headers per request.
 */
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http'

export type HeaderMap = Readonly<Record<string, string>>

/** RFC 9110 7.6.1: meaningful for one connection only, never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

export interface SecurityHeaderOptions {
  /** Origin allowed to frame the site: the CMS admin shows pages in a live-preview iframe. */
  cmsUrl?: string
  extraHeaders?: Record<string, string>
}

/**
 * Sent on every response. No X-Frame-Options: it cannot name another origin, and the CMS admin must
 * be able to frame the site; CSP frame-ancestors says exactly who may.
 */
export function buildSecurityHeaders({ cmsUrl, extraHeaders = {} }: SecurityHeaderOptions): HeaderMap {
  const ancestors = ["'self'"]
  if (cmsUrl) ancestors.push(new URL(cmsUrl).origin)
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'content-security-policy': `frame-ancestors ${ancestors.join(' ')}`,
  }
  for (const [name, value] of Object.entries(extraHeaders)) headers[name.toLowerCase()] = value
  return Object.freeze(headers)
}

/** Names listed in the Connection header are hop-by-hop too (RFC 9110 7.6.1). */
function connectionTokens(headers: IncomingHttpHeaders): Set<string> | undefined {
  const value = headers.connection
  if (!value) return undefined
  return new Set(value.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))
}

/** Copies end-to-end headers, dropping hop-by-hop ones and any name in `drop`. */
export function endToEndHeaders(headers: IncomingHttpHeaders, drop?: ReadonlySet<string>): OutgoingHttpHeaders {
  const listed = connectionTokens(headers)
  const out: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed?.has(name) || drop?.has(name)) continue
    out[name] = value
  }
  return out
}

/**
 * Adds the security headers to a response that came from upstream. A page may send a stricter
 * policy of its own: its Referrer-Policy and Permissions-Policy win, and a CSP of its own is sent
 * next to ours (browsers enforce every policy, so ours can only add the framing rule).
 */
export function withSecurityHeaders(headers: OutgoingHttpHeaders, security: HeaderMap): OutgoingHttpHeaders {
  for (const [name, value] of Object.entries(security)) {
    const existing = headers[name]
    if (existing === undefined || name === 'x-content-type-options') headers[name] = value
    // A comma separates policies in one header (CSP3 "serialized-policy-list"), same as two headers.
    else if (name === 'content-security-policy') headers[name] = [...toList(existing), value].join(', ')
  }
  return headers
}

function toList(value: number | string | string[]): string[] {
  return Array.isArray(value) ? value : [String(value)]
}

/** Request headers for upstream: end-to-end ones plus the usual X-Forwarded-* trail. */
export function forwardedRequestHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const headers = endToEndHeaders(req.headers)
  Object.assign(headers, forwardingHeaders(req))
  return headers
}

export function forwardingHeaders(req: IncomingMessage): Record<string, string> {
  const remote = req.socket.remoteAddress ?? ''
  const priorFor = req.headers['x-forwarded-for']
  const out: Record<string, string> = {
    'x-forwarded-for': priorFor ? `${priorFor}, ${remote}` : remote,
    // Keep a proto set by a TLS terminator in front of us; otherwise this hop was plain HTTP.
    'x-forwarded-proto': firstValue(req.headers['x-forwarded-proto']) ?? 'http',
  }
  const host = req.headers.host
  if (host) out['x-forwarded-host'] = firstValue(req.headers['x-forwarded-host']) ?? host
  return out
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
