import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'
import type { Article } from '@/payload-types'
import { isEditorUser } from '../../access/roles'
import { relationId } from '@/text/relationId'

/** An author who starts an article is its writer, so the "own drafts" rule lets them keep editing it. */
export const writersDefaultToCreator: CollectionBeforeValidateHook<Article> = ({ data, operation, req }) => {
  if (operation !== 'create' || !data || !req.user || req.user.collection !== 'users') return data
  if (data.writers && data.writers.length > 0) return data
  return { ...data, writers: [req.user.id] }
}

/**
 * CASE author: may keep or drop existing writers and add themselves, never add someone else
 * (that would hand another person's account to their draft, or grant themselves a co-writer's article).
 */
export const onlyEditorsAssignOthers: CollectionBeforeChangeHook<Article> = ({ data, originalDoc, req }) => {
  const user = req.user
  if (!user || isEditorUser(user) || !data.writers) return data
  const allowed = new Set([...(originalDoc?.writers ?? []).map(relationId), user.id].map(String))
  const writers = data.writers.map(relationId).filter((id) => allowed.has(String(id)))
  return { ...data, writers }
}
