import type { RequestHandler } from 'express'
import { TOO_MANY_BODY, type RateLimiter, type RateLimitKey } from './rateLimiter'

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
