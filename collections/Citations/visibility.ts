import type { PayloadRequest, Where } from 'payload'
import type { Citation } from '@/payload-types'
import { ARTICLES, CITATIONS } from '../slugs'

/**
 * Not a draft-only citation. Citations stored before they had drafts have no `_status` in a MongoDB
 * database (SQLite's migration marks them published): they were live, and stay so.
 */
export const notDraftOnly: Where = { _status: { not_equals: 'draft' } }

/** A citation is public while at least one published article cites it. */
export async function citedByPublishedArticle(req: PayloadRequest, id: Citation['id']): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: ARTICLES,
    where: { and: [{ citations: { contains: id } }, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * Set the flag on the published document only. Payload's update merges into the newest version, so
 * it would publish an editor's pending draft of the citation along with the flag; the draft gets the
 * flag recomputed when it is published (deriveIsPublic).
 */
export async function setCitationVisibility(req: PayloadRequest, id: Citation['id'], isPublic: boolean): Promise<void> {
  await req.payload.db.updateOne({ collection: CITATIONS, where: { id: { equals: id } }, data: { isPublic }, req, returning: false })
}
