import type { CollectionAfterChangeHook } from 'payload'
import type { Article } from '@/payload-types'
import { CITATIONS, SECTIONS } from '../../slugs'
import { relationId } from '@/text/relationId'
import { REFRESHING_CITATIONS } from '../../hooks/withContext'
import { publishDrafts } from '../../hooks/publishDrafts'

/**
 * Publishing an article publishes what the editor sees in it: each listed section, and each cited
 * citation, whose latest version is a draft is published as it stands (a citation first saved as a
 * draft from the Cite dialog, or a corrected DOI not yet published). Readers never get a published
 * article whose text or references are still drafts, and a draft saved on its own stays invisible
 * until then. The citation list is the one deriveFromSections read from the sections' latest
 * versions, so it lists exactly what the sections published here cite.
 * CASE re-published by a section save only to refresh its citation list: that hook re-publishes
 * only when every section is already published, so there is nothing to do here.
 */
export const publishSections: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (doc._status !== 'published' || req.context[REFRESHING_CITATIONS]) return doc
  await publishDrafts(req, SECTIONS, (doc.sections ?? []).map(relationId))
  await publishDrafts(req, CITATIONS, (doc.citations ?? []).map(relationId))
  return doc
}
