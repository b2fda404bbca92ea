import type { CollectionAfterChangeHook } from 'payload'
import type { Article } from '@/payload-types'
import { SECTIONS } from '../../slugs'
import { relationId } from '@/text/relationId'
import { quietly } from '../../hooks/quietly'
import { latestSectionVersions } from '../../Sections/latestVersions'
import { recordContentChange } from '../../../apps/cms/lib/contentChanges'

/**
 * Taking a section off an article (the × on its chip) removes its text from the publication: the
 * section is unpublished and no longer belongs to the article, so readers and anonymous API calls
 * stop getting it at once, even while the article's own change is still a draft. The document
 * and its history stay, for an editor to put back.
 * CASE the section belongs to another article (listed here by mistake): not this article's to change.
 * CASE never published: only its article is cleared (a draft of its own).
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
    await quietly(req, () =>
      req.payload.update({
        collection: SECTIONS,
        id: section.id,
        data: published > 0 ? { article: null, _status: 'draft' } : { article: null },
        draft: published === 0,
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
