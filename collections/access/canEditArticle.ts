import type { Access } from 'payload'
import { hasRole, isEditorUser } from './roles'

/**
 * CASE editor/admin: any article, any status.
 * CASE author: only articles that list them as a writer, and never into the published state:
 * publishing is an editorial decision (a draft save sends `_status: 'draft'`).
 * CASE anyone else: nothing.
 */
export const canEditArticle: Access = ({ req: { user }, data }) => {
  if (isEditorUser(user)) return true
  if (!user || !hasRole(user, 'author')) return false
  if (data && (data as { _status?: string })._status === 'published') return false
  return { writers: { contains: user.id } }
}

/** Authors may create articles only as drafts. */
export const canCreateArticle: Access = ({ req: { user }, data }) => {
  if (isEditorUser(user)) return true
  if (!user || !hasRole(user, 'author')) return false
  return (data as { _status?: string } | undefined)?._status !== 'published'
}

/** Sections and citations follow the same rule as articles, but authors may edit any draft section (sections have no writers of their own). */
export const canEditContent: Access = ({ req: { user }, data }) => {
  if (isEditorUser(user)) return true
  if (!user || !hasRole(user, 'author')) return false
  return (data as { _status?: string } | undefined)?._status !== 'published'
}
