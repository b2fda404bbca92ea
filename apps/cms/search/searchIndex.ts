/**
 * Full-text search over published articles: a MiniSearch index held in the CMS process.
 *
 * Fed through the Local API (never the database driver), so SQLite and MongoDB index the same
 * documents. Freshness follows the API cache's purge signal: every hook that tells readers content
 * changed (publish, unpublish, delete, an edit of a published article, a person or topic renamed)
 * bumps `apiCache.generation()`, and the next search rebuilds from the committed rows. Writers in
 * other processes (seed, import) cannot reach this memory, so an index older than REBUILD_AFTER_MS
 * is rebuilt too.
 *
 * Why globalThis: the express server and Payload's route handlers load separate module instances
 * (see apiCache.ts); one index per process, not two.
 */
import MiniSearch, { type SearchResult } from 'minisearch'
import type { Payload } from 'payload'
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

export const REBUILD_AFTER_MS = 30_000

type Doc = { id: string; title: string; summary: string; body: string; people: string; topics: string }
type Built = { index: MiniSearch<Doc>; summaries: Map<string, SearchHit>; sentences: Map<string, string[]>; generation: number; builtAt: number }
type Store = { built?: Built; building?: Promise<Built> }

const KEY = Symbol.for('tripsitter.searchIndex')
const g = globalThis as unknown as Record<symbol, Store | undefined>
const store: Store = (g[KEY] ??= {})

const FIELDS = ['title', 'summary', 'body', 'people', 'topics'] as const
const BOOST = { title: 4, topics: 3, people: 3, summary: 2, body: 1 }

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

async function build(payload: Payload): Promise<Built> {
  const generation = apiCache.generation()
  const common = { depth: 0, pagination: false, overrideAccess: true } as const
  const articles = (
    await payload.find({
      collection: ARTICLES,
      where: { _status: { equals: 'published' } },
      select: { ...articleSummarySelect, sections: true, authors: true, medicalReviewer: true, topics: true },
      ...common,
    })
  ).docs as Article[]
  const ids = articles.map((a) => a.id)
  const sections = ids.length
    ? ((await payload.find({ collection: SECTIONS, where: { and: [{ _status: { equals: 'published' } }, { article: { in: ids } }] }, select: { body: true }, ...common })).docs as Section[])
    : []
  const people = (await payload.find({ collection: PEOPLE, select: { name: true }, ...common })).docs as Person[]
  const topics = (await payload.find({ collection: TOPICS, select: { name: true }, ...common })).docs as Topic[]
  const textOf = new Map(sections.map((s) => [String(s.id), lexicalToText(s.body)]))
  const personName = new Map(people.map((p) => [String(p.id), p.name]))
  const topicName = new Map(topics.map((t) => [String(t.id), t.name]))
  const names = (list: unknown[] | null | undefined, from: Map<string, string>) => (list ?? []).flatMap((r) => from.get(String(relationId(r as string))) ?? []).join(' ')

  const index = newIndex()
  const summaries = new Map<string, SearchHit>()
  const sentences = new Map<string, string[]>()
  for (const a of articles) {
    const id = String(a.id)
    const bodies = (a.sections ?? []).flatMap((s) => textOf.get(String(relationId(s))) ?? [])
    const reviewer = a.medicalReviewer == null ? [] : [a.medicalReviewer]
    index.add({ id, title: a.title, summary: a.summary ?? '', body: bodies.join('\n'), people: names([...(a.authors ?? []), ...reviewer], personName), topics: names(a.topics, topicName) })
    summaries.set(id, { ...toSummary(a), score: 0, snippet: '', highlights: [] })
    sentences.set(id, [...sentencesOf(a.summary ?? ''), ...bodies.flatMap(sentencesOf)])
  }
  return { index, summaries, sentences, generation, builtAt: Date.now() }
}

async function current(payload: Payload): Promise<Built> {
  const built = store.built
  if (built && built.generation === apiCache.generation() && Date.now() - built.builtAt < REBUILD_AFTER_MS) return built
  // One rebuild at a time: concurrent searches wait for the same one.
  store.building ??= build(payload).finally(() => {
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
  const docs = results.slice((page - 1) * limit, page * limit).flatMap((r) => {
    const summary = built.summaries.get(String(r.id))
    if (!summary) return []
    const { snippet, highlights } = bestSnippet(built.sentences.get(String(r.id)) ?? [], new Set(r.terms))
    return [{ ...summary, score: Math.round(r.score * 1000) / 1000, snippet, highlights }]
  })
  return { query: q, ...pageOf(docs, { page, limit, totalDocs }) }
}
