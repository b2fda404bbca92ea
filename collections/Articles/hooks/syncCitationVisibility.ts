import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import type { Article, Citation } from '@/payload-types'
import { relationId } from '@/text/relationId'
import { citedByPublishedArticle, setCitationVisibility } from '../../Citations/visibility'

/**
 * A citation is public while at least one published article cites it. Recompute that flag for the
 * citations this change touched (before and after), so anonymous readers of /api/citations see
 * exactly the references of published articles.
 */
async function sync(req: PayloadRequest, citationIds: Citation['id'][]): Promise<void> {
  const unique = [...new Map(citationIds.map((id) => [String(id), id])).values()]
  for (const id of unique) await setCitationVisibility(req, id, await citedByPublishedArticle(req, id))
}

const citationsOf = (doc: Partial<Article> | undefined) => (doc?.citations ?? []).map(relationId)

export const syncCitationVisibility: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req }) => {
  // Draft saves of an unpublished article cannot change what readers see.
  if (doc._status !== 'published' && previousDoc?._status !== 'published') return doc
  await sync(req, [...citationsOf(previousDoc), ...citationsOf(doc)])
  return doc
}

export const syncCitationVisibilityAfterDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await sync(req, citationsOf(doc))
}
