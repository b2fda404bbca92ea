import type { GlobalConfig, PayloadRequest } from 'payload'
import { CONTENT_REVISION } from './slugs'

/**
 * One number in the database that moves whenever something readers can see changes (a publish,
 * an unpublish, a delete, a rename, a citation fix), advanced inside the same transaction as that
 * change. Every cache, in any process on any machine, compares it with the revision its copies
 * were made at: a lost webhook or a write from another process (the seed, another CMS instance)
 * is then noticed within a poll interval, and a restarted instance never serves older content.
 * Not editable by anyone; read through `GET /api/content-revision`.
 */
export const ContentRevision: GlobalConfig = {
  slug: CONTENT_REVISION,
  admin: { hidden: true },
  access: { read: () => false, update: () => false },
  fields: [{ name: 'revision', type: 'number', required: true, defaultValue: 0, min: 0 }],
}

/** Advance the revision inside the caller's transaction; returns the new value. */
export async function advanceContentRevision(req: PayloadRequest): Promise<number> {
  const current = await req.payload.findGlobal({ slug: CONTENT_REVISION, req, overrideAccess: true, depth: 0 })
  const next = (current.revision ?? 0) + 1
  await req.payload.updateGlobal({ slug: CONTENT_REVISION, data: { revision: next }, req, overrideAccess: true, depth: 0 })
  return next
}

/** The committed revision, read outside any transaction. */
export async function readContentRevision(payload: PayloadRequest['payload']): Promise<number> {
  const doc = await payload.findGlobal({ slug: CONTENT_REVISION, overrideAccess: true, depth: 0 })
  return doc.revision ?? 0
}
