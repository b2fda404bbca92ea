import type { CollectionBeforeChangeHook } from 'payload'
import type { Citation } from '@/payload-types'
import { citedByPublishedArticle } from '../visibility'

/**
 * A draft carries the visibility flag of the day it was saved; when it is published, the flag is
 * recomputed, so publishing a citation can neither hide it from an article that cites it nor show
 * one that no published article cites any more.
 * CASE create: nothing cites a new citation yet, and the flag's field access keeps requests from
 *   setting it; an import restoring a library writes it as exported.
 */
export const deriveIsPublic: CollectionBeforeChangeHook<Citation> = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || data._status !== 'published' || originalDoc?.id == null) return data
  return { ...data, isPublic: await citedByPublishedArticle(req, originalDoc.id) }
}
