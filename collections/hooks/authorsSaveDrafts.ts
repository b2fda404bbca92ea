import type { CollectionBeforeOperationHook } from 'payload'
import { hasRole, isEditorUser } from '../access/roles'

/**
 * Authors write drafts; editors publish. Every create or update by an author becomes a draft
 * version, whatever the request says (`?draft=`, GraphQL `draft:`, a body with `_status: "draft"`
 * meant to unpublish): the published document and its status are never touched, so an author can
 * neither change what readers see nor take a page down. An explicit `_status: "published"` is left
 * in place for the access rules to refuse with 403, which says more than a silent draft would.
 */
export const authorsSaveDrafts: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (overrideAccess || !req.user || isEditorUser(req.user) || !hasRole(req.user, 'author')) return args
  const data = args.data as Record<string, unknown> | undefined
  if (!data || typeof data !== 'object') return args
  // Left as asked: Payload would turn a draft-flagged create into a draft before access could refuse it.
  if (data._status === 'published') return args
  data._status = 'draft'
  return { ...args, draft: true }
}
