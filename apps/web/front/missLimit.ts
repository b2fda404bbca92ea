/**
 * A bound on the renders one client can cause. Every cache miss costs a render and, behind it,
 * requests to the CMS; distinct URLs (a new query string, a made-up path) are free for a client to
 * invent. Hits cost nothing and are never counted, so pages already in the cache answer whatever a
 * client does. Counted per client address in fixed one-minute windows.
 */
import { createRateLimiter, type RateLimiter } from '../../../src/http/fixedWindow'

export const MISS_WINDOW_MS = 60_000

export const createMissLimiter = (perWindow: number): RateLimiter => createRateLimiter({ windowMs: MISS_WINDOW_MS, max: perWindow })

/** Query parameters reader pages read (`page`; `topic` on the front page; `q` on /search). Others change nothing. */
const PAGE_PARAMS = new Set(['page', 'topic', 'q'])
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
