import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

/**
 * The `updatedAt` a save sent is not stored, but it still says which version the save was based on:
 * it is kept here, for this document only, for refuseStaleSave (nested writes of other documents in
 * the same request must not inherit it).
 */
const BASE_VERSION = 'baseVersionSent'
type BaseVersion = { collection: string; id: string; updatedAt: unknown }

export const baseVersionSent = (req: PayloadRequest, collection: string, id: string | number): unknown => {
  const sent = req.context[BASE_VERSION] as BaseVersion | undefined
  return sent && sent.collection === collection && sent.id === String(id) ? sent.updatedAt : undefined
}

/**
 * `createdAt` and `updatedAt` are facts the server records, not input: a signed-in caller could
 * otherwise back-date a citation or an article. Dropped from every write made for a user; the
 * import script (no user) still restores the original timestamps.
 */
export const serverTimestamps: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.user) return args
  const data = args.data as Record<string, unknown> | undefined
  if (!data || typeof data !== 'object' || Array.isArray(data)) return args
  const id = (args as { id?: string | number }).id
  if (operation === 'update' && id !== undefined && data.updatedAt !== undefined) {
    req.context[BASE_VERSION] = { collection: collection.slug, id: String(id), updatedAt: data.updatedAt } satisfies BaseVersion
  }
  delete data.createdAt
  delete data.updatedAt
  return args
}
