import type { CollectionAfterChangeHook } from 'payload'
import type { Article, Section } from '@/payload-types'
import { SECTIONS } from '../../slugs'
import { relationId } from '@/text/relationId'
import { quietly } from '../../hooks/quietly'
import { latestSectionVersions } from '../../Sections/latestVersions'
import { isEditorUser } from '../../access/roles'

/**
 * A section created from the article's "sections" drawer does not know its article yet (the drawer
 * is a separate form). Listing it here is the editor's statement of ownership, so every listed
 * section without an article is given this one. Sections that belong to another article are left
 * alone: moving text between articles is a deliberate edit, not a side effect of a list. An author
 * claims only sections they created: listing someone else's loose draft does not make it theirs.
 * Read and written through the Local API only (no adapter-specific queries): SQLite and MongoDB agree.
 */
export const claimSections: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  const ids = (doc.sections ?? []).map(relationId)
  if (ids.length === 0) return doc
  const mayClaim = (s: { createdBy?: Section['createdBy'] }) => isEditorUser(req.user) || (s.createdBy != null && String(relationId(s.createdBy)) === String(req.user?.id))
  const unclaimed = (await latestSectionVersions(req, ids, ['article', '_status', 'createdBy'])).filter((s) => !s.article && mayClaim(s))
  for (const section of unclaimed) {
    // CASE draft: a new draft version (drafts skip validation, so a half-written section cannot
    // fail the article's save); publishing the article writes it to the stored document.
    // CASE published: updated in place and stays published, unless an author saved the article:
    // then a draft, so an author's save never changes a published document.
    await quietly(req, () =>
      req.payload.update({
        collection: SECTIONS,
        id: section.id,
        data: { article: doc.id },
        draft: section._status !== 'published' || !isEditorUser(req.user),
        depth: 0,
        overrideAccess: true,
        overrideLock: true,
        req,
      }),
    )
  }
  return doc
}
