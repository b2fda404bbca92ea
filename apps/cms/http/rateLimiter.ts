import type { IncomingMessage } from 'node:http'

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

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/

/**
 * The client's address. A request from a loopback proxy (nginx, the reader site) may name the real
 * client in X-Forwarded-For; anyone else's X-Forwarded-For is ignored, or a client could pick its own
 * rate-limit bucket.
 */
export function clientIp(req: IncomingMessage, trustLoopbackProxy: boolean): string {
  const peer = req.socket.remoteAddress ?? 'unknown'
  if (!trustLoopbackProxy || !LOOPBACK.test(peer)) return peer
  const forwarded = req.headers['x-forwarded-for']
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').map((s) => s.trim()).filter(Boolean).pop()
  return last ?? peer
}

export const TOO_MANY_BODY = JSON.stringify({ errors: [{ message: 'Too many requests; retry after the time in Retry-After' }] })
