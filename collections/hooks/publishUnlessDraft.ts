import type { CollectionBeforeOperationHook } from 'payload'

/**
 * For a collection that gained drafts after integrators were writing to it: a write that asks for
 * no draft (no `?draft=true`, no `_status`) publishes, as it did before, instead of becoming a draft
 * (Payload's default for a new document) or keeping a pending draft's status (its default for an
 * update, which would take the published document down). The admin always says which it means.
 */
export const publishUnlessDraft: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = args.data as Record<string, unknown> | undefined
  if (args.draft || !data || typeof data !== 'object' || Array.isArray(data) || data._status !== undefined) return args
  return { ...args, data: { ...data, _status: 'published' } }
}
