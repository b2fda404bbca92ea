import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'
import type { Article } from '@/payload-types'
import { isEditorUser } from '../../access/roles'
import { relationId } from '@/text/relationId'

/** An author who starts an article is its author, so the "own drafts" rule lets them keep editing it. */
export const authorsDefaultToCreator: CollectionBeforeValidateHook<Article> = ({ data, operation, req }) => {
  if (operation !== 'create' || !data || !req.user || req.user.collection !== 'users') return data
  if (data.authors && data.authors.length > 0) return data
  return { ...data, authors: [req.user.id] }
}

/**
 * CASE author: may keep or drop existing authors and add themselves, never add someone else
 * (that would hand another person's name to their draft, or grant themselves a co-author's article).
 */
export const onlyEditorsAssignOthers: CollectionBeforeChangeHook<Article> = ({ data, originalDoc, req }) => {
  const user = req.user
  if (!user || isEditorUser(user) || !data.authors) return data
  const allowed = new Set([...(originalDoc?.authors ?? []).map(relationId), user.id].map(String))
  const authors = data.authors.map(relationId).filter((id) => allowed.has(String(id)))
  return { ...data, authors }
}
