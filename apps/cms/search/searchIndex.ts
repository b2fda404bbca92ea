/**
 * Full-text search over published articles: a MiniSearch index held in the CMS process.
 *
 * Fed through the Local API (never the database driver), so SQLite and MongoDB index the same
 * documents. Freshness follows the API cache's purge signal: every hook that tells readers content
 * changed (publish, unpublish, delete, an edit of a published article, a person or topic renamed)
 * bumps `apiCache.generation()`, and the next search brings the index up to date from the committed
 * rows. Writers in other processes (seed, import) cannot reach this memory, so an index not synced
 * for SYNC_AFTER_MS is synced too.
 *
 * A sync re-indexes only what changed: articles and sections updated since the last sync (by their
 * `updatedAt`, read back a margin for clocks of other writers), and drops articles no longer
 * published. Rebuilding everything took 17 s at 10,000 articles, and a publish would have made the
 * next search wait for it. A person or topic renamed or deleted, whose name many articles may carry,
 * rebuilds.
 *
 * Why globalThis: the express server and Payload's route handlers load separate module instances
 * (see apiCache.ts); one index per process, not two.
 */
import MiniSearch, { type SearchResult } from 'minisearch'
import type { Payload, Where } from 'payload'
import type { Article, Person, Section, Topic } from '@/payload-types'
import type { SearchHit, SearchParams, SearchResults } from '@/cms/schemas'
import { articleSummarySelect } from '@/cms/client'
import { lexicalToText } from '@/richtext'
import { relationId } from '@/text/relationId'
import { pageOf } from '@/cms/pageOf'
import { bestSnippet, foldTerm, sentencesOf } from '@/search/text'
import { ARTICLES, PEOPLE, SECTIONS, TOPICS } from '../../../collections/slugs'
import { toSummary } from '../../../collections/Articles/endpoints/related'
import { apiCache } from '../lib/apiCache'

export const SYNC_AFTER_MS = 30_000
/** How far before the last sync a sync looks for changes: writers in other processes stamp `updatedAt` with their own clocks. */
const CLOCK_MARGIN_MS = 60_000
/**
 * Articles read per step of a build. The whole catalogue at once held every section body in memory
 * together: at 10,000 articles that ran the CMS out of its 512 MB heap. In steps, only the index
 * itself stays.
 */
const BUILD_BATCH = 250

type Doc = { id: string; title: string; summary: string; body: string; people: string; topics: string }
/**
 * What a search needs besides the index: each article's list fields, and its section ids in reading
 * order. The text itself is not kept (at 10,000 articles it was tens of MB); a page of hits reads
 * its sections again for the snippets.
 */
type Built = {
  index: MiniSearch<Doc>
  names: Names
  summaries: Map<string, SearchHit>
  sectionIds: Map<string, string[]>
  generation: number
  /** When the sync that produced this state started (changes from then on are the next sync's). */
  syncedFrom: number
  syncedAt: number
}
type Store = { built?: Built; building?: Promise<Built> }

const KEY = Symbol.for('tripsitter.searchIndex')
const g = globalThis as unknown as Record<symbol, Store | undefined>
const store: Store = (g[KEY] ??= {})

const FIELDS = ['title', 'summary', 'body', 'people', 'topics'] as const
const BOOST = { title: 4, topics: 3, people: 3, summary: 2, body: 1 }
const COMMON = { depth: 0, overrideAccess: true } as const

function newIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: [...FIELDS],
    processTerm: (term) => foldTerm(term),
    searchOptions: {
      boost: BOOST,
      // "ketam" finds ketamine; one typo in five letters ("psilocibin") still matches.
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : 0),
      combineWith: 'AND',
    },
  })
}

/** Plain text of the published sections with these ids, by id. */
async function sectionTexts(payload: Payload, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({ collection: SECTIONS, where: { and: [{ _status: { equals: 'published' } }, { id: { in: ids } }] }, select: { body: true }, pagination: false, ...COMMON })
  return new Map((docs as Section[]).map((s) => [String(s.id), lexicalToText(s.body)]))
}

const ARTICLE_SELECT = { ...articleSummarySelect, sections: true, authors: true, medicalReviewer: true, topics: true } as const

/** Names of people and topics by id: what the people and topics fields of the index hold. */
type Names = { people: Map<string, string>; topics: Map<string, string> }

async function namesOf(payload: Payload): Promise<Names> {
  const people = (await payload.find({ collection: PEOPLE, select: { name: true }, pagination: false, ...COMMON })).docs as Person[]
  const topics = (await payload.find({ collection: TOPICS, select: { name: true }, pagination: false, ...COMMON })).docs as Topic[]
  return { people: new Map(people.map((p) => [String(p.id), p.name])), topics: new Map(topics.map((t) => [String(t.id), t.name])) }
}

const namesIn = (names: Names, kind: keyof Names, list: unknown[] | null | undefined) => (list ?? []).flatMap((r) => names[kind].get(String(relationId(r as string))) ?? []).join(' ')

/** Whether a name the index may hold has changed or gone (a new person or topic is in no article yet). */
const namesMoved = (was: Names, now: Names) => (['people', 'topics'] as const).some((kind) => [...was[kind]].some(([id, name]) => now[kind].get(id) !== name))

/** (Re-)index published articles, replacing what the index held for them. */
async function indexArticles(payload: Payload, built: Built, articles: Article[]): Promise<void> {
  const texts = await sectionTexts(payload, articles.flatMap((a) => (a.sections ?? []).map((s) => String(relationId(s)))))
  for (const a of articles) {
    const id = String(a.id)
    if (built.index.has(id)) built.index.discard(id)
    const ids = (a.sections ?? []).map((s) => String(relationId(s))).filter((sid) => texts.has(sid))
    const reviewer = a.medicalReviewer == null ? [] : [a.medicalReviewer]
    built.index.add({ id, title: a.title, summary: a.summary ?? '', body: ids.map((sid) => texts.get(sid)).join('\n'), people: namesIn(built.names, 'people', [...(a.authors ?? []), ...reviewer]), topics: namesIn(built.names, 'topics', a.topics) })
    built.summaries.set(id, { ...toSummary(a), score: 0, snippet: '', highlights: [] })
    built.sectionIds.set(id, ids)
  }
}

function forget(built: Built, id: string): void {
  if (built.index.has(id)) built.index.discard(id)
  built.summaries.delete(id)
  built.sectionIds.delete(id)
}

/** Published articles matching `where`, a batch at a time (an article that moves between pages meanwhile is indexed twice, harmlessly). */
async function eachPublishedBatch(payload: Payload, where: Where, fn: (articles: Article[]) => Promise<void>): Promise<void> {
  for (let page = 1; ; page++) {
    const batch = await payload.find({ collection: ARTICLES, where: { and: [{ _status: { equals: 'published' } }, where] }, select: ARTICLE_SELECT, sort: 'createdAt', limit: BUILD_BATCH, page, ...COMMON })
    await fn(batch.docs as Article[])
    if (!batch.hasNextPage) return
  }
}

async function build(payload: Payload): Promise<Built> {
  const syncedFrom = Date.now()
  const built: Built = { index: newIndex(), names: await namesOf(payload), summaries: new Map(), sectionIds: new Map(), generation: apiCache.generation(), syncedFrom, syncedAt: 0 }
  await eachPublishedBatch(payload, {}, (articles) => indexArticles(payload, built, articles))
  built.syncedAt = Date.now()
  return built
}

const idsOf = async (payload: Payload, collection: typeof ARTICLES | typeof SECTIONS, where: Where, select: Record<string, true>) =>
  (await payload.find({ collection, where, select, pagination: false, ...COMMON })).docs as { id: string | number; article?: unknown }[]

/** Bring `built` up to date with what changed since it was last synced; a new index when a name changed. */
async function sync(payload: Payload, built: Built): Promise<Built> {
  const generation = apiCache.generation()
  const startedAt = Date.now()
  const since = { updatedAt: { greater_than: new Date(built.syncedFrom - CLOCK_MARGIN_MS).toISOString() } }
  // People and topics are few: compared whole, so a deleted one is noticed too.
  const names = await namesOf(payload)
  if (namesMoved(built.names, names)) return build(payload)
  built.names = names

  // Unpublished and deleted articles leave; every published one is checked by id (cheap: ids only).
  const published = new Set((await idsOf(payload, ARTICLES, { _status: { equals: 'published' } }, { id: true })).map((a) => String(a.id)))
  for (const id of [...built.summaries.keys()]) if (!published.has(id)) forget(built, id)
  // Changed: articles updated since, and the articles of sections published since.
  const changed = new Set((await idsOf(payload, ARTICLES, since, { id: true })).map((a) => String(a.id)))
  for (const s of await idsOf(payload, SECTIONS, since, { article: true })) if (s.article != null) changed.add(String(relationId(s.article as string)))
  for (const id of published) if (!built.summaries.has(id)) changed.add(id)
  const wanted = [...changed].filter((id) => published.has(id))
  for (let i = 0; i < wanted.length; i += BUILD_BATCH) {
    await eachPublishedBatch(payload, { id: { in: wanted.slice(i, i + BUILD_BATCH) } }, (articles) => indexArticles(payload, built, articles))
  }
  return { ...built, generation, syncedFrom: startedAt, syncedAt: Date.now() }
}

async function current(payload: Payload): Promise<Built> {
  const built = store.built
  if (built && built.generation === apiCache.generation() && Date.now() - built.syncedAt < SYNC_AFTER_MS) return built
  // One sync at a time: concurrent searches wait for the same one.
  store.building ??= (built ? sync(payload, built) : build(payload)).finally(() => {
    store.building = undefined
  })
  const fresh = await store.building
  store.built = fresh
  return fresh
}

export async function search(payload: Payload, { q, limit, page }: SearchParams): Promise<SearchResults> {
  const built = await current(payload)
  const results: SearchResult[] = built.index.search(q)
  const totalDocs = results.length
  const hits = results.slice((page - 1) * limit, page * limit).filter((r) => built.summaries.has(String(r.id)))
  const texts = await sectionTexts(payload, hits.flatMap((r) => built.sectionIds.get(String(r.id)) ?? []))
  const docs = hits.map((r) => {
    const summary = built.summaries.get(String(r.id))!
    const sentences = [...sentencesOf(summary.summary ?? ''), ...(built.sectionIds.get(String(r.id)) ?? []).flatMap((sid) => sentencesOf(texts.get(sid) ?? ''))]
    const { snippet, highlights } = bestSnippet(sentences, new Set(r.terms))
    return { ...summary, score: Math.round(r.score * 1000) / 1000, snippet, highlights }
  })
  return { query: q, ...pageOf(docs, { page, limit, totalDocs }) }
}
