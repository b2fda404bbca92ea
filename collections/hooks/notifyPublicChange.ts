import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { notifyContentChanged } from './notifyContentChanged'

/** A person or topic is printed on published pages (bylines, topic lists): a change must reach them. */
export const notifyAfterPublicChange =
  (collection: string): CollectionAfterChangeHook =>
  async ({ doc, req, operation }) => {
    if (operation === 'update') await notifyContentChanged(req, { event: 'update', collection, slugs: [] })
    return doc
  }

export const notifyAfterPublicDelete =
  (collection: string): CollectionAfterDeleteHook =>
  async ({ req }) => {
    await notifyContentChanged(req, { event: 'delete', collection, slugs: [] })
  }
