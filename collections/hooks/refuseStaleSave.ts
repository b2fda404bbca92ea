import { APIError, type CollectionBeforeChangeHook, type CollectionSlug, type PayloadRequest } from 'payload'
import { baseVersionSent } from './serverTimestamps'

const CONFLICT = 409
/** Bookkeeping every save sends or the server sets; never the editor's words. */
const META = new Set(['id', 'updatedAt', 'createdAt', '_status', 'deletedAt'])

const time = (value: unknown): number | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const t = new Date(value).getTime()
  return Number.isNaN(t) ? null : t
}

/** A stable text form for comparing stored values: key order, and null versus absent, do not count. */
function canonical(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (v === null || v === undefined) return null
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, walk((v as Record<string, unknown>)[k])]))
    return v
  }
  return JSON.stringify(walk(value))
}

async function baseVersion(req: PayloadRequest, collection: CollectionSlug, id: string | number, at: string): Promise<Record<string, unknown> | null> {
  const { docs } = await req.payload.db.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { 'version.updatedAt': { equals: at } }] },
    limit: 1,
    pagination: false,
    req,
  })
  return (docs[0]?.version as Record<string, unknown> | undefined) ?? null
}

/**
 * Every save says which version it was based on: the `updatedAt` it read (the admin's form always
 * sends it back; REST clients should). When someone else saved since, and changed any field this
 * save also sends, applying it would silently overwrite their words: it is refused with 409 and
 * nothing changes:
 * `{ "errors": [{ "message": "...", "data": { "baseVersion": "<sent>", "currentVersion": "<stored>", "fields": ["body"] } }] }`.
 * CASE only fields in `derived` changed since (values hooks compute from other documents, such as
 * an article's citation list): not a conflict, the hooks derive them again on this save.
 * CASE the base version is no longer stored (pruned): refused, as nobody can show it is safe.
 * CASE no `updatedAt` sent (a REST client that does not track versions, a hook's nested write):
 * nothing to compare, the save goes through as before.
 * CASE restoring a version: the restored data carries that version's old `updatedAt` on purpose.
 */
export const refuseStaleSave =
  (derived: string[] = []): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !originalDoc || req.context.isRestoringVersion) return data
    // serverTimestamps takes `updatedAt` out of a signed-in user's data (it is not input) and keeps it aside.
    const base = time(baseVersionSent(req, collection.slug, originalDoc.id) ?? data.updatedAt)
    const current = time(originalDoc.updatedAt)
    if (base === null || current === null || base >= current) return data

    const baseIso = new Date(base).toISOString()
    const before = await baseVersion(req, collection.slug, originalDoc.id, baseIso)
    const sent = Object.keys(data).filter((key) => !META.has(key) && !derived.includes(key))
    const changed = before ? sent.filter((key) => canonical(before[key]) !== canonical(originalDoc[key])) : sent
    if (before && changed.length === 0) return data
    const noun = typeof collection.labels?.singular === 'string' ? collection.labels.singular.toLowerCase() : collection.slug
    const currentIso = new Date(current).toISOString()
    throw new APIError(
      // One colon and no commas: the admin shows the text after the colon as one line of its error toast.
      `Not saved: someone else saved this ${noun} after the copy you are editing (theirs ${currentIso} / yours ${baseIso}). Copy your changes and reload to see theirs.`,
      CONFLICT,
      { baseVersion: baseIso, currentVersion: currentIso, fields: changed },
      true,
    )
  }
