/**
 * The claim warnings of an article as editors see it (latest drafts of its sections), each with
 * the dismissal that answers it, if any. Read through the Local API with access bypassed: the
 * endpoints that call this decide who may ask.
 */
import type { PayloadRequest } from 'payload'
import type { Article, Citation, ClaimDismissal } from '@/payload-types'
import { ARTICLES, CITATIONS, CLAIM_DISMISSALS } from '../slugs'
import { latestSectionVersions } from '../Sections/latestVersions'
import { checkClaim, citedSentences } from '@/citations/claims'
import { relationId } from '@/text/relationId'
import type { LexicalState } from '@/richtext'

type Id = string | number

export type ClaimFinding = {
  citation: { id: Id; label: string }
  article: { id: Id; title: string }
  section: { id: Id; heading: string }
  sentence: string
  kind: 'venue' | 'year'
  message: string
  dismissal: { reason: string; at: string } | null
}

const common = { overrideAccess: true, depth: 0 } as const

export async function articleClaimFindings(req: PayloadRequest, articleId: Id, onlyCitation?: Id): Promise<ClaimFinding[]> {
  const article = (await req.payload.findByID({ collection: ARTICLES, id: articleId, draft: true, select: { title: true, sections: true }, disableErrors: true, req, ...common })) as Article | null
  if (!article) return []
  const sections = await latestSectionVersions(req, (article.sections ?? []).map(relationId), ['heading', 'body'])
  const cited = sections.flatMap((s) => citedSentences(s.body as LexicalState).map((c) => ({ ...c, section: s })))
  const wanted = onlyCitation === undefined ? cited : cited.filter((c) => String(c.citation) === String(onlyCitation))
  const ids = [...new Set(wanted.map((c) => String(c.citation)))]
  if (ids.length === 0) return []
  const { docs: citations } = await req.payload.find({ collection: CITATIONS, where: { id: { in: ids } }, pagination: false, req, select: { label: true, journal: true, journalAbbreviation: true, year: true, doi: true, pmid: true }, ...common })
  const records = new Map((citations as Citation[]).map((c) => [String(c.id), c]))
  const { docs: dismissals } = await req.payload.find({ collection: CLAIM_DISMISSALS, where: { citation: { in: ids } }, pagination: false, sort: 'createdAt', req, ...common })
  const answered = new Map((dismissals as ClaimDismissal[]).map((d) => [`${relationId(d.citation)}\n${d.claim}`, { reason: d.reason, at: d.createdAt }]))
  return wanted.flatMap((c) => {
    const record = records.get(String(c.citation))
    if (!record) return []
    return checkClaim(c, record).map((w) => ({
      citation: { id: record.id, label: record.label },
      article: { id: article.id, title: article.title },
      section: { id: c.section.id, heading: c.section.heading ?? '' },
      sentence: c.sentence,
      kind: w.kind,
      message: w.message,
      dismissal: answered.get(`${record.id}\n${w.message}`) ?? null,
    }))
  })
}

/** Every article citing the citation (latest drafts), checked for that citation only. */
export async function citationClaimFindings(req: PayloadRequest, citationId: Id): Promise<ClaimFinding[]> {
  const { docs } = await req.payload.find({ collection: ARTICLES, where: { citations: { contains: citationId } }, draft: true, pagination: false, select: {}, req, ...common })
  const all = await Promise.all(docs.map((a) => articleClaimFindings(req, a.id, citationId)))
  return all.flat()
}
