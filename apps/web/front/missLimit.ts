/**
 * A bound on the renders one client can cause. Every cache miss costs a render and, behind it,
 * requests to the CMS; distinct URLs (a new query string, a made-up path) are free for a client to
 * invent. Hits cost nothing and are never counted, so pages already in the cache answer whatever a
 * client does. Counted per client address in fixed one-minute windows.
 */
import { createRateLimiter, type RateLimiter } from '../../../src/http/fixedWindow'

export const MISS_WINDOW_MS = 60_000

export const createMissLimiter = (perWindow: number): RateLimiter => createRateLimiter({ windowMs: MISS_WINDOW_MS, max: perWindow })

/**
 * Query parameters each reader page reads: the front page pages and filters by topic, topic and
 * author pages page, search reads its query and page. Every other page reads none, so
 * `/articles/x?page=2` is the article page itself.
 */
const PAGE_PARAMS: readonly [RegExp, ReadonlySet<string>][] = [
  [/^\/$/, new Set(['page', 'topic'])],
  [/^\/search$/, new Set(['q', 'page'])],
  [/^\/(topics|authors)\/[^/]+$/, new Set(['page'])],
]
/** Next's cache-busting parameter of component-payload (RSC) requests. */
const RSC_PARAMS = new Set(['_rsc'])

const paramsOf = (path: string): ReadonlySet<string> => PAGE_PARAMS.find(([route]) => route.test(path))?.[1] ?? new Set()

/**
 * The URL as far as a page can tell: query parameters it does not read are dropped, so
 * `/articles/x?b=1` and `/articles/x?b=2` are one cache entry and one render, not two.
 */
export function canonicalUrl(url: string, rsc: boolean): string {
  const q = url.indexOf('?')
  if (q === -1) return url
  const path = url.slice(0, q)
  const read = paramsOf(path)
  const kept = url
    .slice(q + 1)
    .split('&')
    .filter((pair) => {
      const name = pair.split('=', 1)[0] ?? ''
      return read.has(name) || (rsc && RSC_PARAMS.has(name))
    })
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path
}
