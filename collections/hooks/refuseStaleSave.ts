import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { baseVersionSent } from './serverTimestamps'
import { baseVersion, canonical, time } from './versionCompare'

const CONFLICT = 409
/** Bookkeeping every save sends or the server sets; never the editor's words. */
const META = new Set(['id', 'updatedAt', 'createdAt', '_status', 'deletedAt'])

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
