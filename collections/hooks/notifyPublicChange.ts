import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { recordContentChange } from '../../apps/cms/lib/contentChanges'

/** A person or topic is printed on published pages (bylines, topic lists): a change must reach them. */
export const notifyAfterPublicChange =
  (collection: string): CollectionAfterChangeHook =>
  async ({ doc, req, operation }) => {
    if (operation === 'update') await recordContentChange(req, { event: 'update', collection, slugs: [] })
    return doc
  }

export const notifyAfterPublicDelete =
  (collection: string): CollectionAfterDeleteHook =>
  async ({ req }) => {
    await recordContentChange(req, { event: 'delete', collection, slugs: [] })
  }
