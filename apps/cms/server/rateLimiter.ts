import type { IncomingMessage } from 'node:http'
import { clientAddress, type TrustProxy } from '@/server/trustProxy'
import { isReaderSite } from '@/server/siteKey'

/**
 * Fixed-window counter per key (client IP). Small on purpose: it runs on the cached fast path as
 * well as in express, so it must cost one Map lookup. Windows are swept so memory stays bounded
 * by the number of clients seen in one window.
 */
export type RateLimiter = { hit(key: string, now?: number): { allowed: boolean; retryAfterSeconds: number } }

export function createRateLimiter({ windowMs, max }: { windowMs: number; max: number }): RateLimiter {
  let windows = new Map<string, { count: number; resetAt: number }>()
  const sweep = setInterval(() => {
    const now = Date.now()
    windows = new Map([...windows].filter(([, w]) => w.resetAt > now))
  }, windowMs)
  sweep.unref()
  return {
    hit(key, now = Date.now()) {
      let w = windows.get(key)
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + windowMs }
        windows.set(key, w)
      }
      w.count++
      return { allowed: w.count <= max, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) }
    },
  }
}

/** The bucket a request counts against, or null when it is not limited per client. */
export type RateLimitKey = (req: IncomingMessage) => string | null

/**
 * CASE the reader site's own request (its key, see src/server/siteKey.ts): not limited here; the
 * reader site bounds the renders each of its visitors can cause, and without this one visitor there
 * would spend every reader's share. CASE anyone else: their address, read through the trusted
 * proxies only, or a client could pick its own bucket with X-Forwarded-For.
 */
export function rateLimitKey(trust: TrustProxy, siteKey: string): RateLimitKey {
  return (req) => (isReaderSite(req, siteKey) ? null : clientAddress(req, trust))
}

export const TOO_MANY_BODY = JSON.stringify({ errors: [{ message: 'Too many requests; retry after the time in Retry-After' }] })
