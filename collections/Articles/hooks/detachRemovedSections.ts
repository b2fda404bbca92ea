import type { CollectionAfterChangeHook } from 'payload'
import type { Article } from '@/payload-types'
import { SECTIONS } from '../../slugs'
import { relationId } from '@/text/relationId'
import { quietly } from '../../hooks/quietly'
import { latestSectionVersions } from '../../Sections/latestVersions'
import { recordContentChange } from '../../../apps/cms/lib/contentChanges'

/**
 * Taking a section off an article (removing its row from the writing surface, or from the list over
 * REST) removes its text from the publication: the section is unpublished and no longer belongs to
 * the article, so readers and anonymous API calls stop getting it at once, even while the
 * article's own change is still a draft. The document and its history stay: the article's versions
 * still name it, and restoring one of them puts it back.
 * CASE the section belongs to another article (listed here by mistake): not this article's to change.
 * CASE never published (a section added and taken off again before any publish): deleted, so
 * cancelling a new section leaves nothing behind. Its text is in the article's versions; restoring
 * one writes it to a new section.
 */
export const detachRemovedSections: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req }) => {
  const kept = new Set((doc.sections ?? []).map((s) => String(relationId(s))))
  const removed = (previousDoc?.sections ?? []).map(relationId).filter((id) => !kept.has(String(id)))
  if (removed.length === 0) return doc
  const sections = await latestSectionVersions(req, removed, ['article'])
  let unpublished = 0
  for (const section of sections.filter((s) => s.article && String(relationId(s.article)) === String(doc.id))) {
    const { totalDocs: published } = await req.payload.count({
      collection: SECTIONS,
      where: { and: [{ id: { equals: section.id } }, { _status: { equals: 'published' } }] },
      overrideAccess: true,
      req,
    })
    unpublished += published
    if (published === 0) {
      await quietly(req, () => req.payload.delete({ collection: SECTIONS, id: section.id, depth: 0, overrideAccess: true, overrideLock: true, req }))
      continue
    }
    await quietly(req, () =>
      req.payload.update({
        collection: SECTIONS,
        id: section.id,
        data: { article: null, _status: 'draft' },
        draft: false,
        depth: 0,
        overrideAccess: true,
        overrideLock: true,
        req,
      }),
    )
  }
  // The article itself may be saved as a draft only, which tells the reader site nothing: say it here.
  if (unpublished > 0) await recordContentChange(req, { event: 'update', collection: 'articles', slugs: doc.slug ? [doc.slug] : [] })
  return doc
}
