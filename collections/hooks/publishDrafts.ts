import type { PayloadRequest } from 'payload'
import { CITATIONS, SECTIONS } from '../slugs'
import { latestVersions } from '../Sections/latestVersions'
import { quietly } from './quietly'

/**
 * Publish, as they stand, those of these documents whose latest version is a draft: what a publish
 * of the page they belong to must take along. Quiet: the caller's own notification covers them, one
 * webhook per publish rather than one per document.
 */
export async function publishDrafts(req: PayloadRequest, collection: typeof SECTIONS | typeof CITATIONS, ids: ReadonlyArray<string | number>): Promise<void> {
  for (const { id, _status } of await latestVersions(req, collection, ids, ['_status'])) {
    if (_status === 'published') continue
    await quietly(req, () => req.payload.update({ collection, id, data: { _status: 'published' }, draft: false, depth: 0, overrideAccess: true, req }))
  }
}
