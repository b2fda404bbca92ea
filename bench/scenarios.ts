/**
 * The HTTP scenarios: what is requested, which server answers, and which captured bytes the
 * baseline replays for comparison. Bodies are captured from the running servers just before the
 * run, so the baseline serves exactly what the readers of this build get.
 */
import { asRoute, capture, type CapturedRoute } from './capture'

export type ServerName = 'cms' | 'web'

export interface HttpScenario {
  id: string
  title: string
  server: ServerName
  /** Path and query on that server. */
  path: string
  headers?: Record<string, string>
  alsoOk?: number[]
  /** The baseline route replaying the same body. */
  baselinePath: string
}

export interface Urls {
  cms: string
  web: string
}

export const articlePath = (slug: string) => `/articles/${slug}`
export const bySlugPath = (slug: string) => `/api/articles/by-slug/${slug}`
// Brackets percent-encoded, as a browser or the REST client sends them.
export const wherePath = (slug: string) => `/api/articles?where%5Bslug%5D%5Bequals%5D=${slug}&depth=0`

/** Page and API reads; `etag` is the by-slug response's ETag, sent back as If-None-Match. */
export function httpScenarios(slug: string, etag: string): HttpScenario[] {
  return [
    { id: 'article', title: 'Article page (cached)', server: 'web', path: articlePath(slug), baselinePath: '/article' },
    { id: 'front', title: 'Front page (cached)', server: 'web', path: '/', baselinePath: '/front' },
    { id: 'by-slug', title: 'API by-slug', server: 'cms', path: bySlugPath(slug), baselinePath: '/by-slug' },
    {
      id: 'by-slug-etag',
      title: 'API by-slug, If-None-Match (304)',
      server: 'cms',
      path: bySlugPath(slug),
      headers: { 'if-none-match': etag },
      alsoOk: [304],
      baselinePath: '/by-slug',
    },
    { id: 'where', title: 'API where[slug][equals], depth=0', server: 'cms', path: wherePath(slug), baselinePath: '/where' },
    { id: 'feed', title: 'RSS /feed.xml (cached)', server: 'web', path: '/feed.xml', baselinePath: '/feed' },
  ]
}

export const SMOKE_IDS = ['article', 'front', 'by-slug', 'by-slug-etag'] as const
export const GROWTH_IDS = ['article', 'front', 'by-slug', 'where'] as const

export const urlOf = (s: HttpScenario, urls: Urls) => `${urls[s.server]}${s.path}`

/**
 * Request each scenario until its cache is warm (two identical responses in a row, the second
 * from memory where the server says so), then capture the bytes for the baseline. Fails loudly on
 * anything but 200: a benchmark of error pages measures nothing.
 */
export async function warmAndCapture(scenarios: HttpScenario[], urls: Urls): Promise<{ routes: CapturedRoute[] }> {
  const routes = new Map<string, CapturedRoute>()
  for (const s of scenarios) {
    const url = urlOf(s, urls)
    await capture(url)
    let last = await capture(url)
    for (let i = 0; i < 20 && last.headers.find(([n]) => n === 'x-cache')?.[1] === 'MISS'; i++) last = await capture(url)
    if (last.status !== 200) throw new Error(`${url} answered ${last.status}: ${last.body.toString('utf8', 0, 500)}`)
    // Scenarios that share a baseline share its bytes (the conditional GET replays the full 200).
    if (!routes.has(s.baselinePath) && !s.headers) routes.set(s.baselinePath, asRoute(s.baselinePath, last))
  }
  return { routes: [...routes.values()] }
}

/** The by-slug ETag, needed before the scenario list can be built. */
export async function etagOf(url: string): Promise<string> {
  const res = await capture(url)
  const etag = res.headers.find(([n]) => n === 'etag')?.[1]
  if (res.status !== 200 || !etag) throw new Error(`${url}: expected 200 with an ETag, got ${res.status}`)
  return etag
}
