import type { CollectionAfterChangeHook } from 'payload'
import { holdLock } from './documentLocks'

/**
 * Payload deletes a document's lock on every update, its editor's own autosave included, so a
 * colleague opening the document two seconds after the last keystroke got no warning and could
 * overwrite the text. A draft save of the document the editor has open (the request's own
 * document, not a nested write by a hook) means they are still writing it: the lock is taken
 * back in the same transaction. Publishing ends the editing session and leaves it released.
 */
export const keepEditorsLock: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const route = req.routeParams as { collection?: string; id?: string } | undefined
  const ownRequest = route?.collection === collection.slug && route.id !== undefined && String(route.id) === String(doc.id)
  if (!ownRequest || !req.user || req.user.collection !== 'users' || doc._status !== 'draft') return doc
  await holdLock(req, collection.slug, doc.id)
  return doc
}
