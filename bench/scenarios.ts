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
  /** A read sent as POST (GraphQL); GET otherwise. */
  method?: 'POST'
  body?: string
  alsoOk?: number[]
  /** The baseline route replaying the same body. */
  baselinePath: string
}

export interface Urls {
  cms: string
  web: string
}

/** What the scenarios name: the bench article's slug and id, and the by-slug answer's ETag. */
export interface ScenarioKeys {
  slug: string
  articleId: string
  etag: string
}

export const articlePath = (slug: string) => `/articles/${slug}`
export const bySlugPath = (slug: string) => `/api/articles/by-slug/${slug}`
// Brackets percent-encoded, as a browser or the REST client sends them.
export const wherePath = (slug: string) => `/api/articles?where%5Bslug%5D%5Bequals%5D=${slug}&depth=0`

const GRAPHQL_QUERY = '{ Articles(limit: 10, sort: "-publishedAt") { docs { id title slug summary publishedAt } totalDocs } }'
const JSON_BODY = { 'content-type': 'application/json' }

/** Pages, the by-slug endpoint, and the generic reads other apps make (REST lists and GraphQL). */
export function httpScenarios({ slug, articleId, etag }: ScenarioKeys): HttpScenario[] {
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
    { id: 'list', title: 'API article list (default depth)', server: 'cms', path: '/api/articles?limit=10', baselinePath: '/list' },
    { id: 'select', title: 'API article list, select title and slug', server: 'cms', path: '/api/articles?select%5Btitle%5D=true&select%5Bslug%5D=true&limit=10', baselinePath: '/select' },
    { id: 'sort', title: 'API article list, sort=-publishedAt, depth=0', server: 'cms', path: '/api/articles?sort=-publishedAt&limit=5&depth=0', baselinePath: '/sort' },
    { id: 'depth', title: 'API article list, depth=2', server: 'cms', path: '/api/articles?depth=2&limit=5', baselinePath: '/depth' },
    { id: 'by-id', title: 'API article by id', server: 'cms', path: `/api/articles/${articleId}`, baselinePath: '/by-id' },
    { id: 'sections', title: 'API section list', server: 'cms', path: '/api/sections?limit=20&depth=0', baselinePath: '/sections' },
    { id: 'citations', title: 'API citation list', server: 'cms', path: '/api/citations?limit=20&depth=0', baselinePath: '/citations' },
    {
      id: 'graphql-post',
      title: 'GraphQL query by POST',
      server: 'cms',
      path: '/api/graphql',
      method: 'POST',
      headers: JSON_BODY,
      body: JSON.stringify({ query: GRAPHQL_QUERY }),
      baselinePath: '/graphql-post',
    },
    { id: 'graphql-get', title: 'GraphQL query by GET', server: 'cms', path: `/api/graphql?query=${encodeURIComponent(GRAPHQL_QUERY)}`, baselinePath: '/graphql-get' },
    // Compressed answers: the same reads negotiated by Accept-Encoding, replayed compressed by the baseline.
    { id: 'article-gzip', title: 'Article page (cached), gzip', server: 'web', path: articlePath(slug), headers: { 'accept-encoding': 'gzip' }, baselinePath: '/article-gzip' },
    { id: 'article-br', title: 'Article page (cached), brotli', server: 'web', path: articlePath(slug), headers: { 'accept-encoding': 'br' }, baselinePath: '/article-br' },
    { id: 'by-slug-gzip', title: 'API by-slug, gzip', server: 'cms', path: bySlugPath(slug), headers: { 'accept-encoding': 'gzip' }, baselinePath: '/by-slug-gzip' },
    { id: 'by-slug-br', title: 'API by-slug, brotli', server: 'cms', path: bySlugPath(slug), headers: { 'accept-encoding': 'br' }, baselinePath: '/by-slug-br' },
    { id: 'feed', title: 'RSS /feed.xml (cached)', server: 'web', path: '/feed.xml', baselinePath: '/feed' },
    { id: 'feed-br', title: 'RSS /feed.xml (cached), brotli', server: 'web', path: '/feed.xml', headers: { 'accept-encoding': 'br' }, baselinePath: '/feed-br' },
  ]
}

/** Reads other apps make through Payload's generic REST and GraphQL routes. */
export const GENERIC_READ_IDS = ['where', 'list', 'select', 'sort', 'depth', 'by-id', 'sections', 'citations', 'graphql-post', 'graphql-get'] as const
/** Answers negotiated by Accept-Encoding. */
export const COMPRESSED_IDS = ['article-gzip', 'article-br', 'by-slug-gzip', 'by-slug-br', 'feed-br'] as const

export const SMOKE_IDS = ['article', 'front', 'by-slug', 'by-slug-etag', 'list', 'graphql-post', 'graphql-get', 'by-slug-br'] as const
export const GROWTH_IDS = ['article', 'front', 'by-slug', 'where', 'list'] as const

export const urlOf = (s: HttpScenario, urls: Urls) => `${urls[s.server]}${s.path}`

const requestOf = (s: HttpScenario) => ({ headers: s.headers, method: s.method, body: s.body })

/** The load spec of a scenario, without its URL. */
export const loadRequest = (s: HttpScenario) => ({ ...requestOf(s), alsoOk: s.alsoOk })

/** What the baseline of a group is sent: the request of the scenario whose bytes it replays. */
export const baselineRequest = (first: HttpScenario) => requestOf(first)

/**
 * Request each scenario until its cache is warm (two identical responses in a row, the second
 * from memory where the server says so), then capture the bytes for the baseline. Fails loudly on
 * anything but 200: a benchmark of error pages measures nothing.
 */
export async function warmAndCapture(scenarios: HttpScenario[], urls: Urls): Promise<{ routes: CapturedRoute[] }> {
  const routes = new Map<string, CapturedRoute>()
  for (const s of scenarios) {
    const url = urlOf(s, urls)
    // A conditional GET shares its baseline's full 200; it is warmed as that 200.
    const conditional = s.alsoOk?.includes(304) ?? false
    const request = conditional ? {} : requestOf(s)
    await capture(url, request)
    let last = await capture(url, request)
    for (let i = 0; i < 20 && last.headers.find(([n]) => n === 'x-cache')?.[1] === 'MISS'; i++) last = await capture(url, request)
    if (last.status !== 200) throw new Error(`${url} answered ${last.status}: ${last.body.toString('utf8', 0, 500)}`)
    const encoding = s.headers?.['accept-encoding']
    if (encoding && last.headers.find(([n]) => n === 'content-encoding')?.[1] !== encoding) throw new Error(`${url} did not answer ${encoding} to Accept-Encoding: ${encoding}`)
    if (!routes.has(s.baselinePath) && !conditional) routes.set(s.baselinePath, asRoute(s.baselinePath, last))
  }
  return { routes: [...routes.values()] }
}

/** The by-slug answer's ETag and the article's id, which the scenario list names. */
export async function scenarioKeys(cmsUrl: string, slug: string): Promise<ScenarioKeys> {
  const url = `${cmsUrl}${bySlugPath(slug)}`
  const res = await capture(url)
  const etag = res.headers.find(([n]) => n === 'etag')?.[1]
  if (res.status !== 200 || !etag) throw new Error(`${url}: expected 200 with an ETag, got ${res.status}`)
  const id = (JSON.parse(res.body.toString('utf8')) as { id?: unknown }).id
  if (id === undefined || id === null) throw new Error(`${url}: the answer has no id`)
  return { slug, articleId: String(id), etag }
}
