import type { CollectionBeforeOperationHook } from 'payload'

/**
 * `createdAt` and `updatedAt` are facts the server records, not input: a signed-in caller could
 * otherwise back-date a citation or an article. Dropped from every write made for a user; the
 * import script (no user) still restores the original timestamps.
 */
export const serverTimestamps: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.user) return args
  const data = args.data as Record<string, unknown> | undefined
  if (!data || typeof data !== 'object' || Array.isArray(data)) return args
  delete data.createdAt
  delete data.updatedAt
  return args
}
