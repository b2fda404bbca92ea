/**
 * A bound on the renders one client can cause. Every cache miss costs a render and, behind it,
 * requests to the CMS; distinct URLs (a new query string, a made-up path) are free for a client to
 * invent. Hits cost nothing and are never counted, so pages already in the cache answer whatever a
 * client does. Fixed window per client address; windows are swept so memory stays bounded by the
 * clients seen in one window.
 */
export interface MissLimiter {
  /** Counts a miss for `client`; false when it is over its budget for this window. */
  allow(client: string, now?: number): boolean
  /** Seconds until `client`'s window resets. */
  retryAfterSeconds(client: string, now?: number): number
}

export const MISS_WINDOW_MS = 60_000

export function createMissLimiter(perWindow: number, windowMs = MISS_WINDOW_MS): MissLimiter {
  let windows = new Map<string, { count: number; resetAt: number }>()
  const sweep = setInterval(() => {
    const now = Date.now()
    windows = new Map([...windows].filter(([, w]) => w.resetAt > now))
  }, windowMs)
  sweep.unref()
  return {
    allow(client, now = Date.now()) {
      let w = windows.get(client)
      if (!w || w.resetAt <= now) {
        w = { count: 0, resetAt: now + windowMs }
        windows.set(client, w)
      }
      if (w.count >= perWindow) return false
      w.count++
      return true
    },
    retryAfterSeconds(client, now = Date.now()) {
      const w = windows.get(client)
      return w ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 1
    },
  }
}

/** Query parameters a reader page reads. Any other one changes nothing on the page. */
const PAGE_PARAMS = new Set(['page'])
/** Next's cache-busting parameter of component-payload (RSC) requests. */
const RSC_PARAMS = new Set(['_rsc'])

/**
 * The URL as far as a page can tell: query parameters it does not read are dropped, so
 * `/articles/x?b=1` and `/articles/x?b=2` are one cache entry and one render, not two.
 */
export function canonicalUrl(url: string, rsc: boolean): string {
  const q = url.indexOf('?')
  if (q === -1) return url
  const kept = url
    .slice(q + 1)
    .split('&')
    .filter((pair) => {
      const name = pair.split('=', 1)[0] ?? ''
      return PAGE_PARAMS.has(name) || (rsc && RSC_PARAMS.has(name))
    })
  return kept.length > 0 ? `${url.slice(0, q)}?${kept.join('&')}` : url.slice(0, q)
}
