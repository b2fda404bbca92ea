import type { IncomingMessage } from 'node:http'
import type { RequestHandler } from 'express'
import type { RateLimiter } from '@/http/fixedWindow'
import { clientAddress, type TrustProxy } from '@/http/trustProxy'
import { isReaderSite } from '@/http/siteKey'

/**
 * The CMS's per-client rate limit: which bucket a request counts against, the 429 it gets, and the
 * express middleware. The counting itself is src/http/fixedWindow.ts; apiFastPath.ts applies the
 * same key and answer to the reads it serves before express.
 */

/** The bucket a request counts against, or null when it is not limited per client. */
export type RateLimitKey = (req: IncomingMessage) => string | null

/**
 * CASE the reader site's own request (its key, see src/http/siteKey.ts): not limited here; the
 * reader site bounds the renders each of its visitors can cause, and without this one visitor there
 * would spend every reader's share. CASE anyone else: their address, read through the trusted
 * proxies only, or a client could pick its own bucket with X-Forwarded-For.
 */
export function rateLimitKey(trust: TrustProxy, siteKey: string): RateLimitKey {
  return (req) => (isReaderSite(req, siteKey) ? null : clientAddress(req, trust))
}

export const TOO_MANY_BODY = JSON.stringify({ errors: [{ message: 'Too many requests; retry after the time in Retry-After' }] })

/** express face of the limiter: 429 with Retry-After and Payload's error shape. */
export function rateLimit(limiter: RateLimiter, keyOf: RateLimitKey): RequestHandler {
  return (req, res, next) => {
    const key = keyOf(req)
    if (key === null) return next()
    const verdict = limiter.hit(key)
    if (verdict.allowed) return next()
    res.status(429).set('retry-after', String(verdict.retryAfterSeconds)).type('application/json').send(TOO_MANY_BODY)
  }
}
