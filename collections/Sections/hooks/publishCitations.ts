import type { CollectionAfterChangeHook } from 'payload'
import type { Section } from '@/payload-types'
import { CITATIONS } from '../../slugs'
import { collectCitationIds } from '@/richtext'
import { publishDrafts } from '../../hooks/publishDrafts'

/**
 * A section published on its own takes the citations it cites along, as an article publish does: a
 * reference list must not miss a work because it was only ever saved as a draft in the Cite dialog,
 * or print an old DOI the editor has since corrected in a draft.
 * Runs before refreshArticleCitations, whose article save then makes the published citations public.
 */
export const publishCitations: CollectionAfterChangeHook<Section> = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  await publishDrafts(req, CITATIONS, collectCitationIds([doc.body]))
  return doc
}
