/**
 * The database half of the seed: upsert one parsed document through the Local API.
 *
 * Idempotent by natural keys: the article by slug, its sections by anchor, citations by
 * (first author, year, venue). Every write happens inside one transaction, so a failure or a kill
 * leaves the database exactly as it was; nothing is written when nothing differs (no new versions).
 */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type Where } from 'payload'
import type { Article, Citation, Person, Section } from '@/payload-types'
import { ARTICLES, CITATIONS, PEOPLE, SECTIONS } from '../collections/slugs'
import { citationKey, workKey } from '@/text/citationKey'
import { relationId } from '@/text/relationId'
import { studyTypeValue } from '@/text/studyTypes'
import type { ParsedCitation, ParsedDocument, ParsedPerson } from './schema'
import { slugify } from '@/text/slugify'
import { sectionToLexical, type CitationId } from './toLexical'
import { stableStringify } from '../src/text/stableStringify'
import { NESTED_WRITE } from '../collections/hooks/withContext'
import { SITE_NAME } from '@/site'

export type SeedSummary = {
  slug: string
  articleId: string | number
  created: boolean
  changed: boolean
  published: boolean
  sections: { created: number; updated: number; deleted: number; unchanged: number }
  citations: { created: number; reused: number }
}

type Progress = (message: string) => void

export async function writeDocument(payload: Payload, doc: ParsedDocument, opts: { publish: boolean; progress?: Progress }): Promise<SeedSummary> {
  const req = await createLocalReq({ context: {} }, payload)
  await initTransaction(req)
  try {
    const summary = await upsert(req, doc, opts.publish, opts.progress ?? (() => undefined))
    await commitTransaction(req)
    return summary
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

async function upsert(req: PayloadRequest, doc: ParsedDocument, publish: boolean, progress: Progress): Promise<SeedSummary> {
  const { payload } = req
  const common = { req, overrideAccess: true, depth: 0 } as const
  const existing = (await payload.find({ collection: ARTICLES, where: { slug: { equals: doc.slug } }, draft: true, limit: 1, ...common })).docs[0] as Article | undefined

  // Parts are written first and the article last; the article's save derives its citation list
  // once for all of them. The caches hear of the whole change once, after commit.
  req.context[NESTED_WRITE] = true
  progress(`citations: resolving ${doc.citations.length}`)
  const { ids: citationIds, created: citationsCreated } = await resolveCitations(req, doc.citations, existing)

  const article: Article =
    existing ??
    ((await payload.create({
      collection: ARTICLES,
      data: { title: doc.title, slug: doc.slug, summary: doc.summary, publication: doc.publication ?? undefined, _status: 'draft' },
      draft: true,
      ...common,
    })) as Article)

  const currentSections = await sectionsOf(req, article)
  const byAnchor = new Map(currentSections.map((s) => [s.anchor, s]))
  const counts = { created: 0, updated: 0, deleted: 0, unchanged: 0 }
  const orderedIds: Section['id'][] = []
  for (const [i, section] of doc.sections.entries()) {
    progress(`sections: ${i + 1}/${doc.sections.length} ${section.heading ?? '(introduction)'}`)
    // Payload's generated type is an open index-signature shape; ours is the exact subset we write.
    const body = sectionToLexical(section, citationIds) as unknown as Section['body']
    const data = { heading: section.heading ?? '', anchor: section.anchor, body, article: article.id }
    const current = byAnchor.get(section.anchor)
    byAnchor.delete(section.anchor)
    if (!current) {
      const created = await payload.create({ collection: SECTIONS, data: { ...data, _status: publish ? 'published' : 'draft' }, draft: !publish, ...common })
      orderedIds.push(created.id)
      counts.created++
    } else if (sectionDiffers(current, data) || (publish && current._status !== 'published')) {
      await payload.update({ collection: SECTIONS, id: current.id, data: { ...data, _status: publish ? 'published' : 'draft' }, draft: !publish, ...common })
      orderedIds.push(current.id)
      counts.updated++
    } else {
      orderedIds.push(current.id)
      counts.unchanged++
    }
  }
  // Sections the document no longer has: an article is what its source says.
  for (const stale of byAnchor.values()) {
    await payload.delete({ collection: SECTIONS, id: stale.id, ...common })
    counts.deleted++
  }

  // A document without a `By:` line leaves the article's authors as editors set them.
  const authorIds = doc.authors.length > 0 ? await resolvePeople(req, doc.authors) : null
  const articleData = {
    title: doc.title,
    summary: doc.summary,
    publication: doc.publication ?? undefined,
    sections: orderedIds,
    ...(authorIds ? { authors: authorIds } : {}),
  }
  const sectionsChanged = counts.created + counts.updated + counts.deleted > 0
  const articleChanged =
    sectionsChanged ||
    article.title !== doc.title ||
    (article.summary ?? null) !== doc.summary ||
    (article.publication ?? null) !== (doc.publication ?? SITE_NAME) ||
    stableStringify((article.sections ?? []).map(relationId).map(String)) !== stableStringify(orderedIds.map(String)) ||
    (authorIds !== null && stableStringify((article.authors ?? []).map(relationId).map(String)) !== stableStringify(authorIds.map(String)))
  const needsPublish = publish && article._status !== 'published'
  req.context[NESTED_WRITE] = false
  if (!existing || articleChanged || needsPublish) {
    progress(publish ? 'article: publishing' : 'article: saving draft')
    await payload.update({ collection: ARTICLES, id: article.id, data: { ...articleData, _status: publish ? 'published' : 'draft' }, draft: !publish, ...common })
  }
  return {
    slug: doc.slug,
    articleId: article.id,
    created: !existing,
    changed: !existing || articleChanged || needsPublish || citationsCreated > 0,
    published: publish || article._status === 'published',
    sections: counts,
    citations: { created: citationsCreated, reused: doc.citations.length - citationsCreated },
  }
}

/**
 * Reuse a citation when one with the same natural key exists, or when this article already cites
 * one by the same first author and year (an editor may have since fixed its venue, which changes
 * the key: re-seeding must not undo or duplicate that fix). Existing citations are never modified.
 */
async function resolveCitations(req: PayloadRequest, citations: ParsedCitation[], article: Article | undefined) {
  const { payload } = req
  const common = { req, overrideAccess: true, depth: 0 } as const
  const linked = article?.citations?.length
    ? ((await payload.find({ collection: CITATIONS, where: { id: { in: article.citations.map(relationId) } }, limit: article.citations.length, pagination: false, ...common })).docs as Citation[])
    : []
  const ids = new Map<string, CitationId>()
  let created = 0
  for (const c of citations) {
    // A record from the metadata file is the authority on the venue; the text's claim is checked against it in the CMS.
    const key = citationKey(c.firstAuthor, c.year, c.source?.journal ?? c.journal)
    const sameWork = linked.find((l) => workKey(l.firstAuthor, l.year) === workKey(c.firstAuthor, c.year))
    const byDoi = c.source?.doi ? await findOne(req, { doi: { equals: c.source.doi } }) : undefined
    // A work another document already brought in with its source record (whose venue the text may misstate) is the same work.
    const sourced = async () => findOne(req, { and: [{ firstAuthor: { equals: c.firstAuthor } }, { year: { equals: c.year } }, { doi: { exists: true } }] })
    const found = sameWork ?? byDoi ?? (await findOne(req, { key: { equals: key } })) ?? (c.source ? undefined : await sourced())
    if (found) {
      ids.set(c.key, found.id)
      continue
    }
    const doc = await payload.create({
      collection: CITATIONS,
      data: {
        ...(c.source ?? {}),
        label: c.label,
        authors: c.authors,
        firstAuthor: c.firstAuthor,
        year: c.year,
        journal: c.source?.journal ?? c.journal ?? undefined,
        studyType: c.studyType ? (studyTypeValue(c.studyType) as Citation['studyType']) : undefined,
      },
      ...common,
    })
    ids.set(c.key, doc.id)
    created++
  }
  return { ids, created }
}

async function findOne(req: PayloadRequest, where: Where): Promise<Citation | undefined> {
  return (await req.payload.find({ collection: CITATIONS, where, limit: 1, req, overrideAccess: true, depth: 0 })).docs[0] as Citation | undefined
}

/**
 * People of the `By:` line, reused by exact name (an editor may since have added a bio or fixed the
 * credentials: re-seeding keeps that), created otherwise. Returned in byline order.
 */
async function resolvePeople(req: PayloadRequest, people: ParsedPerson[]): Promise<Person['id'][]> {
  const ids: Person['id'][] = []
  for (const person of people) {
    const common = { req, overrideAccess: true, depth: 0 } as const
    const found = (await req.payload.find({ collection: PEOPLE, where: { name: { equals: person.name } }, limit: 1, ...common })).docs[0]
    const doc = found ?? (await req.payload.create({ collection: PEOPLE, data: { name: person.name, slug: slugify(person.name), credentials: person.credentials ?? undefined }, ...common }))
    ids.push(doc.id)
  }
  return ids
}

async function sectionsOf(req: PayloadRequest, article: Article): Promise<Section[]> {
  const { docs } = await req.payload.find({
    collection: SECTIONS,
    where: { article: { equals: article.id } },
    draft: true,
    depth: 0,
    limit: 1000,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs as Section[]
}

function sectionDiffers(current: Section, wanted: { heading: string; anchor: string; body: unknown }): boolean {
  return (current.heading ?? '') !== wanted.heading || stableStringify(current.body) !== stableStringify(wanted.body)
}
