/**
 * Fixed-window counter per key (a client address). Small on purpose: the CMS runs it on its cached
 * fast path and the reader site on every cache miss, so it must cost one Map lookup. Windows are
 * swept so memory stays bounded by the number of clients seen in one window.
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
