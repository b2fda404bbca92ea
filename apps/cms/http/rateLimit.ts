import type { RequestHandler } from 'express'
import { clientIp, TOO_MANY_BODY, type RateLimiter } from './rateLimiter'

/** express face of the limiter: 429 with Retry-After and Payload's error shape. */
export function rateLimit(limiter: RateLimiter, trustProxy: boolean): RequestHandler {
  return (req, res, next) => {
    const verdict = limiter.hit(clientIp(req, trustProxy))
    if (verdict.allowed) return next()
    res.status(429).set('retry-after', String(verdict.retryAfterSeconds)).type('application/json').send(TOO_MANY_BODY)
  }
}
