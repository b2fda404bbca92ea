import type { PayloadRequest } from 'payload'
import type { Article } from '@/payload-types'
import type { ArticleSummary } from '@/cms/schemas'
import { articleSummarySelect } from '@/cms/client'
import { ARTICLES } from '../../slugs'
import { relationId } from '@/text/relationId'

export const RELATED_LIMIT = 3
// How many candidates (newest first) are ranked: enough for a publication of this size, bounded so
// a broad topic cannot make every article page read the whole table.
const CANDIDATES = 200

/**
 * Up to three published articles that share the most topics with this one; ties go to the newest.
 * Published only, whoever asks: a draft must never be suggested to a reader (or leak into a preview's
 * cached neighbours).
 */
export async function relatedArticles(req: PayloadRequest, articleId: Article['id'], topicIds: (string | number)[]): Promise<ArticleSummary[]> {
  if (topicIds.length === 0) return []
  const { docs } = await req.payload.find({
    collection: ARTICLES,
    where: { and: [{ _status: { equals: 'published' } }, { id: { not_equals: articleId } }, { topics: { in: topicIds } }] },
    sort: '-publishedAt',
    depth: 0,
    limit: CANDIDATES,
    pagination: false,
    overrideAccess: true,
    select: { ...articleSummarySelect, topics: true },
    req,
  })
  const wanted = new Set(topicIds.map(String))
  const shared = (a: Article) => (a.topics ?? []).filter((t) => wanted.has(String(relationId(t)))).length
  return (docs as Article[])
    .map((doc, index) => ({ doc, index, score: shared(doc) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, RELATED_LIMIT)
    .map(({ doc }) => toSummary(doc))
}

export function toSummary(a: Article): ArticleSummary {
  return {
    id: a.id,
    slug: a.slug ?? '',
    title: a.title,
    summary: a.summary ?? null,
    publication: a.publication ?? null,
    publishedAt: a.publishedAt ?? null,
    lastReviewedAt: a.lastReviewedAt ?? null,
    readingTimeMinutes: a.readingTimeMinutes ?? null,
    updatedAt: a.updatedAt,
  }
}
