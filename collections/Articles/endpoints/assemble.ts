import type { PayloadRequest, Where } from 'payload'
import type { Article, Citation as CitationDoc, Media, Person as PersonDoc, Section as SectionDoc, Topic as TopicDoc } from '@/payload-types'
import type { AssembledArticle, LiveArticleInput } from '@/cms/schemas'
import { slugify } from '@/text/slugify'
import { ARTICLES, CITATIONS, MEDIA, PEOPLE, SECTIONS, TOPICS } from '../../slugs'
import { personSelect, topicSelect } from '@/cms/client'
import { relatedArticles, toSummary } from './related'
import { CitationNumbering, collectCitationIds, emptyLexicalState, lexicalToHtml, lexicalToText } from '@/richtext'
import { relationId } from '@/text/relationId'
import { studyTypeLabel } from '@/text/studyTypes'
import { toHeroImage } from '../../Media/renditions'
import { notDraftOnly } from '../../Citations/visibility'

type Options = {
  slug: string
  draft: boolean
  req: PayloadRequest
  /** Live preview: the editor's unsaved title, summary and text, shown in place of the latest draft. */
  live?: LiveArticleInput
}

/**
 * One published article in reading order, in the shape of the public contract.
 * The article itself is read with the caller's access (anonymous callers get published only); its
 * parts are read with access overridden but constrained explicitly, so one query per collection
 * serves the whole page instead of one access-checked query per section.
 */
export async function assembleArticle({ slug, draft, req, live }: Options): Promise<AssembledArticle | null> {
  const { payload } = req
  const found = await payload.find({
    collection: ARTICLES,
    where: { slug: { equals: slug } },
    draft,
    depth: 0,
    limit: 1,
    pagination: false, // no count query: one row or none
    overrideAccess: false,
    user: req.user,
    req,
  })
  const stored = found.docs[0] as Article | undefined
  if (!stored || (!draft && stored._status !== 'published')) return null
  const article = live ? withLive(stored, live) : stored

  const sectionIds = (article.sections ?? []).map(relationId)
  // Readers get the published versions; a preview, what the editor sees (drafts of text and references).
  const sections = live?.text
    ? liveSections(live.text)
    : await findByIds<SectionDoc>(req, SECTIONS, sectionIds, draft, draft ? undefined : { _status: { equals: 'published' } })
  const bodies = sections.map((s) => s.body)
  const citationIds = collectCitationIds(bodies)
  const citations = await findByIds<CitationDoc>(req, CITATIONS, citationIds, draft, draft ? undefined : notDraftOnly)
  // Number only citations that still exist: a deleted citation must not leave a gap in the list.
  const numbering = new CitationNumbering(citations.map((c) => c.id))
  // People and topics: public fields only (never the linked login account).
  const authorIds = (article.authors ?? []).map(relationId)
  const reviewerId = article.medicalReviewer == null ? null : relationId(article.medicalReviewer)
  const people = await findByIds<PersonDoc>(req, PEOPLE, [...authorIds, ...(reviewerId === null ? [] : [reviewerId])], false, undefined, personSelect)
  const byId = new Map(people.map((p) => [String(p.id), toPerson(p)]))
  const topicIds = (article.topics ?? []).map(relationId)
  const topics = await findByIds<TopicDoc>(req, TOPICS, topicIds, false, undefined, topicSelect)
  const heroId = article.heroImage == null ? null : relationId(article.heroImage)
  const [hero] = heroId === null ? [] : await findByIds<Media>(req, MEDIA, [heroId], false)

  const assembledSections = sections.map((s) => ({
    id: s.id,
    heading: s.heading || null,
    anchor: s.anchor ?? String(s.id),
    // A draft section nobody has written in yet (previewed, never published: publishing needs a body) reads as empty.
    body: (s.body ?? emptyLexicalState()) as AssembledArticle['sections'][number]['body'],
    html: lexicalToHtml(s.body, numbering),
    text: lexicalToText(s.body),
  }))

  return {
    // The fields a list shows, in the same order; the slug asked for stands in for a missing one.
    ...toSummary(article),
    slug: article.slug ?? slug,
    heroImage: hero ? toHeroImage(hero, req.payload.config.serverURL) : null,
    authors: authorIds.flatMap((id) => byId.get(String(id)) ?? []),
    medicalReviewer: (reviewerId === null ? null : byId.get(String(reviewerId))) ?? null,
    topics: topics.map((t) => ({ id: t.id, name: t.name, slug: t.slug, description: t.description ?? null })),
    related: await relatedArticles(req, article.id, topicIds),
    sections: assembledSections,
    citations: citations.map((c) => ({
      id: c.id,
      number: numbering.number(c.id)!,
      label: c.label,
      authors: c.authors ?? null,
      authorList: (c.authorList ?? []).map((a) => ({ family: a.family, given: a.given ?? null, suffix: a.suffix ?? null })),
      year: c.year ?? null,
      title: c.title ?? null,
      journal: c.journal ?? null,
      journalAbbreviation: c.journalAbbreviation ?? null,
      volume: c.volume ?? null,
      issue: c.issue ?? null,
      pages: c.pages ?? null,
      publicationType: c.publicationType ?? null,
      studyType: c.studyType ? studyTypeLabel(c.studyType) : null,
      doi: c.doi ?? null,
      pmid: c.pmid ?? null,
      url: c.url ?? null,
      verified: Boolean(c.doi || c.pmid || c.url),
      citedFrom: numbering.citedFrom(c.id),
    })),
  }
}

const withLive = (article: Article, live: LiveArticleInput): Article => ({
  ...article,
  ...(live.title !== undefined ? { title: live.title } : {}),
  ...(live.summary !== undefined ? { summary: live.summary } : {}),
})

/**
 * The rows being typed as sections: each keeps its section's id (a new one gets a stand-in), and
 * anchors follow the headings as the saved sections' will (unique within the article).
 */
function liveSections(rows: NonNullable<LiveArticleInput['text']>): Pick<SectionDoc, 'id' | 'heading' | 'anchor' | 'body'>[] {
  const anchors = new Set<string>()
  return rows.map((row, i) => {
    const wanted = slugify(row.heading || 'introduction') || 'section'
    let anchor = wanted
    for (let n = 2; anchors.has(anchor); n++) anchor = `${wanted}-${n}`
    anchors.add(anchor)
    return { id: (row.section || `new-${i + 1}`) as unknown as SectionDoc['id'], heading: row.heading ?? '', anchor, body: (row.body ?? emptyLexicalState()) as SectionDoc['body'] }
  })
}

function toPerson(p: PersonDoc): AssembledArticle['authors'][number] {
  return { id: p.id, name: p.name, slug: p.slug, credentials: p.credentials ?? null, bio: p.bio ?? null }
}

/** Documents by id, returned in the order of `ids` (the database returns them in its own order). */
async function findByIds<T extends { id: string | number }>(
  req: PayloadRequest,
  collection: typeof SECTIONS | typeof CITATIONS | typeof PEOPLE | typeof TOPICS | typeof MEDIA,
  ids: (string | number)[],
  draft: boolean,
  extraWhere?: Where,
  select?: Record<string, true>,
): Promise<T[]> {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection,
    where: extraWhere ? { and: [{ id: { in: ids } }, extraWhere] } : { id: { in: ids } },
    draft,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    ...(select ? { select } : {}),
    req,
  })
  const byId = new Map((docs as unknown as T[]).map((d) => [String(d.id), d]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

