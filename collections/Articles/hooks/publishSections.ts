import type { CollectionAfterChangeHook } from 'payload'
import type { Article } from '@/payload-types'
import { SECTIONS } from '../../slugs'
import { relationId } from '@/text/relationId'
import { quietly } from '../../hooks/quietly'
import { REFRESHING_CITATIONS } from '../../hooks/withContext'
import { latestSectionVersions } from '../../Sections/latestVersions'

/**
 * Publishing an article publishes the sections the editor sees: each listed section whose latest
 * version is a draft is published as it stands. Readers never get a published article whose
 * sections are still drafts, and a section draft saved on its own stays invisible until then.
 * CASE re-published by a section save only to refresh its citation list: that hook re-publishes
 * only when every section is already published, so there is nothing to do here.
 */
export const publishSections: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (doc._status !== 'published' || req.context[REFRESHING_CITATIONS]) return doc
  const ids = (doc.sections ?? []).map(relationId)
  const docs = await latestSectionVersions(req, ids, ['_status'])
  // The article's own notification covers these sections: one webhook per publish, not one per section.
  for (const section of docs) {
    if (section._status === 'published') continue
    await quietly(req, () => req.payload.update({
      collection: SECTIONS,
      id: section.id,
      data: { _status: 'published' },
      draft: false,
      depth: 0,
      overrideAccess: true,
      req,
    }))
  }
  return doc
}
