/**
 * The typed REST client the reader site and other apps use to read the CMS.
 *
 * Framework-free (runs in Node 20 and browsers, depends on zod only). Every response body is
 * parsed with the schema of the public contract (`schemas.ts`): a drifted field throws a
 * `CmsError` naming its path instead of reaching a page as a lie; nothing is cast.
 */
import type { z } from 'zod'
import { CmsError, describeIssues } from './errors'
import { toQueryString } from './queryString'
import { ArticleList, ArticleSummary, AssembledArticle, ErrorBody, PersonList, PersonProfile, SearchResults, TopicList, type LiveArticleInput, type Person, type SearchParams, type Topic } from './schemas'
import { createTransport, type FetchInit, type RawResponse, type TransportOptions } from './transport'

export type CmsClientOptions = TransportOptions

export interface ListArticlesOptions {
  /** 1-based. Default 1. */
  page?: number
  /** Default 10. */
  limit?: number
  /** Payload sort: a field name, `-` for descending. Default `-publishedAt` (newest first). */
  sort?: string
  /** Payload `where`, e.g. `{ slug: { equals: 'x' } }` or `{ or: [...] }`. */
  where?: Record<string, unknown>
  init?: FetchInit
}

export interface GetArticleOptions {
  /** Ask for the latest draft; needs credentials in `headers` (or the client's) to see one. */
  draft?: boolean
  headers?: Record<string, string>
  /** An ETag from an earlier response; the server answers 304 when the article is unchanged. */
  ifNoneMatch?: string
  init?: FetchInit
}

export type ConditionalArticle =
  | { notModified: false; article: AssembledArticle; etag: string | null }
  | { notModified: true; etag: string | null }

export interface CmsClient {
  listArticles(options?: ListArticlesOptions): Promise<ArticleList>
  /** Throws CmsError 404 when there is no such published article, 304 when `ifNoneMatch` matched. */
  getArticleBySlug(slug: string, options?: GetArticleOptions): Promise<AssembledArticle>
  /**
   * The article as it would read with `live` (the admin's unsaved title, summary and text rows) in
   * place of its latest draft: live preview while typing. Needs a signed-in staff session (`headers`).
   */
  previewArticle(slug: string, live: LiveArticleInput, options: { headers: Record<string, string>; init?: FetchInit }): Promise<AssembledArticle>
  /** Same request, for callers that cache: returns the ETag and turns 304 into a value. */
  getArticleBySlugConditional(slug: string, options?: GetArticleOptions): Promise<ConditionalArticle>
  /** Every article summary, newest first, for sitemaps and feeds. */
  listAllArticles(options?: { where?: Record<string, unknown>; init?: FetchInit }): Promise<ArticleSummary[]>
  /** The person with this slug (author page), or null. */
  /** A person's public fields and photo; null when no person has that slug. */
  getPerson(slug: string, options?: { init?: FetchInit }): Promise<PersonProfile | null>
  /** The topic with this slug (topic page), or null. */
  getTopic(slug: string, options?: { init?: FetchInit }): Promise<Topic | null>
  /** Every person, by name (at most LIST_ALL_PAGE_SIZE), for the sitemap. */
  listPeople(options?: { init?: FetchInit }): Promise<Person[]>
  /** Every topic, by name (at most LIST_ALL_PAGE_SIZE). */
  listTopics(options?: { init?: FetchInit }): Promise<Topic[]>
  /** Full-text search over published articles; a query over 200 characters is a CmsError 400 naming `q`. */
  search(params: { q: string; limit?: number; page?: number }, options?: { init?: FetchInit }): Promise<SearchResults>
}

/**
 * Ask Payload for exactly the fields a list item has: lists stay small, and a
 * field added to the collection later is not published by accident. `satisfies` makes tsc fail
 * when this and the ArticleSummary schema disagree, in either direction.
 */
export const articleSummarySelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  publication: true,
  publishedAt: true,
  lastReviewedAt: true,
  readingTimeMinutes: true,
  updatedAt: true,
} as const satisfies Record<keyof ArticleSummary, true>

/** Only the public fields of people and topics, whatever else the collections hold. */
export const personSelect = { id: true, name: true, slug: true, credentials: true, bio: true } as const satisfies Record<keyof Person, true>
export const topicSelect = { id: true, name: true, slug: true, description: true } as const satisfies Record<keyof Topic, true>

/**
 * listAllArticles' page size (the largest `limit` the CMS accepts) and its bound: 100 pages of 1,000,
 * twice the 50,000 URLs one sitemap file holds. Pages of 1,000 keep the sitemap of a 10,000-article
 * catalogue to 10 requests, where pages of 100 made it 100 requests one after another.
 */
export const LIST_ALL_PAGE_SIZE = 1000
export const LIST_ALL_MAX_PAGES = 100

export function createCmsClient(options: CmsClientOptions): CmsClient {
  const get = createTransport(options)

  async function listArticles({ page = 1, limit = 10, sort = '-publishedAt', where, init }: ListArticlesOptions = {}) {
    const query = toQueryString({ depth: 0, limit, page, sort, select: articleSummarySelect, where })
    const raw = await get(`/api/articles?${query}`, { init })
    return parseOk(raw, ArticleList)
  }

  function requestArticle(slug: string, { draft, headers, ifNoneMatch, init }: GetArticleOptions = {}) {
    if (slug === '') throw new TypeError('getArticleBySlug: slug must not be empty')
    const query = draft ? '?draft=true' : ''
    const conditional: Record<string, string> = ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch }
    return get(`/api/articles/by-slug/${encodeURIComponent(slug)}${query}`, { headers: { ...headers, ...conditional }, init })
  }

  async function getArticleBySlugConditional(slug: string, opts?: GetArticleOptions): Promise<ConditionalArticle> {
    const raw = await requestArticle(slug, opts)
    const etag = raw.headers.get('etag')
    if (raw.status === 304) return { notModified: true, etag }
    return { notModified: false, article: parseOk(raw, AssembledArticle), etag }
  }

  async function getArticleBySlug(slug: string, opts?: GetArticleOptions) {
    const raw = await requestArticle(slug, opts)
    // Only reachable with `ifNoneMatch`: the signature promises an article, so say why there is none.
    if (raw.status === 304) throw new CmsError(304, [{ message: 'Not Modified' }], raw.url)
    return parseOk(raw, AssembledArticle)
  }

  async function previewArticle(slug: string, live: LiveArticleInput, { headers, init }: { headers: Record<string, string>; init?: FetchInit }) {
    const raw = await get('/api/articles/live-preview', { headers, init, json: { slug, live } })
    return parseOk(raw, AssembledArticle)
  }

  async function listAllArticles({ where, init }: { where?: Record<string, unknown>; init?: FetchInit } = {}) {
    const all: ArticleSummary[] = []
    for (let page = 1; page <= LIST_ALL_MAX_PAGES; page++) {
      const list = await listArticles({ page, limit: LIST_ALL_PAGE_SIZE, where, init })
      all.push(...list.docs)
      if (!list.hasNextPage) break
    }
    return all
  }

  async function getPerson(slug: string, { init }: { init?: FetchInit } = {}) {
    if (slug === '') throw new TypeError('getPerson: slug must not be empty')
    const raw = await get(`/api/people/by-slug/${encodeURIComponent(slug)}`, { init })
    return raw.status === 404 ? null : parseOk(raw, PersonProfile)
  }

  async function getTopic(slug: string, { init }: { init?: FetchInit } = {}) {
    const query = toQueryString({ depth: 0, limit: 1, select: topicSelect, where: { slug: { equals: slug } } })
    return parseOk(await get(`/api/topics?${query}`, { init }), TopicList).docs[0] ?? null
  }

  async function listPeople({ init }: { init?: FetchInit } = {}) {
    const query = toQueryString({ depth: 0, limit: LIST_ALL_PAGE_SIZE, sort: 'name', select: personSelect })
    return parseOk(await get(`/api/people?${query}`, { init }), PersonList).docs
  }

  async function listTopics({ init }: { init?: FetchInit } = {}) {
    const query = toQueryString({ depth: 0, limit: LIST_ALL_PAGE_SIZE, sort: 'name', select: topicSelect })
    return parseOk(await get(`/api/topics?${query}`, { init }), TopicList).docs
  }

  async function search({ q, limit, page }: Partial<SearchParams> & { q: string }, { init }: { init?: FetchInit } = {}) {
    const query = toQueryString({ q, limit, page })
    return parseOk(await get(`/api/search?${query}`, { init }), SearchResults)
  }

  return { listArticles, getArticleBySlug, previewArticle, getArticleBySlugConditional, listAllArticles, getPerson, getTopic, listPeople, listTopics, search }
}

/** 2xx: parse the body with the contract schema; anything else becomes the CmsError it describes. */
function parseOk<S extends z.ZodType>(raw: RawResponse, schema: S): z.output<S> {
  if (raw.status < 200 || raw.status > 299) throw errorFromResponse(raw)
  let json: unknown
  try {
    json = JSON.parse(raw.body)
  } catch (error) {
    throw new CmsError(raw.status, [{ message: 'Response body is not JSON' }], raw.url, { cause: error })
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new CmsError(raw.status, describeIssues(parsed.error), raw.url, { cause: parsed.error })
  return parsed.data
}

/** Payload's `{ errors: [{ message }] }` when the body is one; else the status text (proxies send HTML). */
function errorFromResponse(raw: RawResponse): CmsError {
  let json: unknown
  try {
    json = JSON.parse(raw.body)
  } catch {
    json = undefined
  }
  const body = ErrorBody.safeParse(json)
  const errors = body.success ? body.data.errors : [{ message: raw.statusText || `HTTP ${raw.status}` }]
  return new CmsError(raw.status, errors, raw.url)
}
