import type { CollectionBeforeOperationHook } from 'payload'
import { seesDrafts } from '../access/roles'

/**
 * `?draft=true` asks Payload to read the newest version instead of the published document. Access
 * rules constrain which documents match, but the version that replaces a published document is the
 * newest draft: an anonymous reader must never get there. Drop the flag before any read starts.
 */
export const draftsForStaffOnly: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation === 'read' || operation === 'count') && 'draft' in args && args.draft && !seesDrafts(req.user)) {
    return { ...args, draft: false }
  }
  return args
}
