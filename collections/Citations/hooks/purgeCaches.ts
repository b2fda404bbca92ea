import type { CollectionAfterChangeHook } from 'payload'
import type { Citation } from '@/payload-types'
import { recordContentChange } from '../../../apps/cms/lib/contentChanges'

/**
 * A citation shown on a published page changed (venue or DOI fixed): the reference lists must follow.
 * A saved draft changes nothing readers see.
 */
export const purgeCachesAfterCitationChange: CollectionAfterChangeHook<Citation> = async ({ doc, req, operation }) => {
  if (operation === 'update' && doc.isPublic && doc._status === 'published') await recordContentChange(req, { event: 'update', collection: 'citations', slugs: [] })
  return doc
}
