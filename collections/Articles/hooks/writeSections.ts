import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'
import type { Article, Section } from '@/payload-types'
import { SECTIONS } from '../../slugs'
import { emptyLexicalState } from '@/richtext/empty'
import { relationId } from '@/text/relationId'
import { sectionTitle } from '../../Sections/title'
import { latestVersions } from '../../Sections/latestVersions'
import { isEditorUser } from '../../access/roles'
import { quietly } from '../../hooks/quietly'
import { baseVersion, time } from '../../hooks/versionCompare'
import { sameText } from '../text/textChanges'
import { listedSectionIds, newRowId, rowsFromSections, type TextRow } from '../text/rows'
import { saveBase, seenVersion, type SaveBase } from '../text/saveBase'
import { isAutosave } from '../../hooks/isAutosave'
import { restoringVersion, savePublishes, textWasSent } from './noteTextSent'

const CONFLICT = 409

type Current = Pick<Section, 'id' | 'heading' | 'body' | 'updatedAt' | 'article' | 'createdBy' | '_status'>

/**
 * Saving the article saves its text: each row of the writing surface (../text/field) is written to
 * its Section document in this same transaction, so an autosave, "Save draft" or "Publish" stores
 * the article and every changed section together or nothing at all. The `sections` list (the
 * public reading order) follows the rows.
 *
 * CASE no rows sent (a REST client, the seed, a scheduled publish, a title-only save): the rows are
 * taken from the listed sections as they are (the list sent, or the stored one), so every article
 * version holds the whole text. Restoring a version saved before articles held rows does the same.
 * CASE a row unchanged from its section: nothing written (no section version for an untouched row).
 * CASE a changed row, its section saved by someone else since the row was read (`basedOn`): 409,
 * nothing changes, unless this row is still exactly the version it was based on (then the newer
 * section simply wins). Restoring a version is deliberate and overwrites.
 * CASE a row without a section, or whose section has been deleted: a new section (so a restored
 * version brings back text whose section is gone).
 * CASE a row naming another article's section, or another writer's loose draft: a new section with
 * the row's text (a copy), never the other document.
 * CASE a draft save: sections get draft versions; readers see nothing until the article is published.
 * CASE a publish: sections are written published. Sections taken off the list are detached after
 * the save (detachRemovedSections).
 */
export const writeSections: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  const restoring = restoringVersion(req)
  // A version saved before the article held its text has only its section list.
  const rowsGiven = restoring ? (data.text?.length ?? 0) > 0 || (data.sections?.length ?? 0) === 0 : textWasSent(req, originalDoc?.id)
  const base = restoring ? null : await saveBase(req, originalDoc)
  if (!rowsGiven) {
    const ids = listedSectionIds(data.sections ? data : originalDoc)
    if (base) refuseDroppingNewerSections(base, originalDoc, ids)
    return { ...data, text: await rowsFromSections(req, ids, originalDoc?.text ?? []) }
  }
  const rows = (data.text ?? []) as TextRow[]

  const articleId = originalDoc?.id
  const publishing = savePublishes(req, originalDoc?.id, data._status)
  const existingIds = rows.flatMap((r) => (r.section ? [r.section] : []))
  const current = new Map((await latestVersions(req, SECTIONS, existingIds, ['heading', 'body', 'updatedAt', 'article', 'createdBy', '_status'])).map((s) => [String(s.id), s as Current]))
  // Every section write of this save: the row's words, this article, drafts unless it publishes.
  const sectionWrite = (fields: { heading: string; body: Section['body'] }) => ({
    data: { ...fields, article: articleId ?? null, _status: publishing ? ('published' as const) : ('draft' as const) },
    draft: !publishing,
  })
  const written: TextRow[] = []
  const ids: Section['id'][] = []
  const taken = new Set<string>()
  for (const [index, row] of rows.entries()) {
    // A duplicated row carries its original's section: the copy becomes a section of its own. So
    // does a row naming another article's section (a duplicated article, text pasted over REST):
    // text moves between articles as a copy, never by taking the other article's document.
    const found = row.section && !taken.has(String(row.section)) ? current.get(String(row.section)) : undefined
    const owner = found?.article == null ? null : String(relationId(found.article))
    const section = found && (owner === null ? mayClaim(req, found) : owner === String(articleId ?? '')) ? found : undefined
    // A row sent without a heading or body (a REST client moving rows) keeps the section's own.
    const fields = { heading: row.heading ?? section?.heading ?? '', body: row.body ?? section?.body ?? emptyLexicalState() }
    if (!section) {
      const created = await quietly(req, () =>
        req.payload.create({
          collection: SECTIONS,
          ...sectionWrite(fields),
          depth: 0,
          overrideAccess: true,
          req,
        }),
      )
      written.push({ ...row, ...fields, id: row.id ?? newRowId(), section: String(created.id), basedOn: created.updatedAt })
      ids.push(created.id)
      continue
    }
    taken.add(String(section.id))
    ids.push(section.id)
    // A loose section listed here is claimed by writing it (on create, claimSections does that). A
    // publish writes a pending draft itself, so the row's stamp is the published version's.
    const settled = owner !== null || articleId === undefined
    if (settled && sameText(fields, section) && !(publishing && section._status !== 'published')) {
      written.push({ ...row, ...fields, basedOn: section.updatedAt })
      continue
    }
    const seen = base ? seenVersion(base, row) : null
    if (seen !== null && seen < (time(section.updatedAt) ?? 0)) {
      const verdict = await sinceSeen(req, { ...row, ...fields }, section, seen)
      if (verdict === 'untouched') {
        written.push({ ...row, heading: section.heading ?? '', body: section.body, basedOn: section.updatedAt })
        continue
      }
      if (verdict === 'conflict') throw conflict(index, seen, section)
    }
    const updated = await quietly(req, () =>
      req.payload.update({
        collection: SECTIONS,
        id: section.id,
        ...sectionWrite(fields),
        // An autosave of the article updates the section's autosave version in place, as Payload
        // does for the article: a minute of typing is one version, not thirty, and does not push
        // the section's older versions out of its history.
        autosave: !publishing && isAutosave(req),
        depth: 0,
        overrideAccess: true,
        overrideLock: true,
        req,
      }),
    )
    written.push({ ...row, ...fields, section: String(section.id), basedOn: updated.updatedAt })
  }
  if (base) refuseDroppingNewerSections(base, originalDoc, ids)
  return { ...data, text: written, sections: ids }
}

/**
 * Rows are checked one by one, and the article's own stale-save check leaves its text to this
 * hook: a section someone else added to the article after the copy this save was made from is not
 * in that copy, and saving it as it stands would take their section off. Refused with 409 instead.
 * CASE the copy's version is no longer stored (pruned): nothing to compare; the save goes through.
 */
function refuseDroppingNewerSections(base: SaveBase, originalDoc: Article | undefined, ids: Section['id'][]): void {
  if (!originalDoc || !base.stale || !base.sections) return
  const known = new Set([...base.sections, ...ids.map(String)])
  const dropped = listedSectionIds(originalDoc).filter((id) => !known.has(String(id)))
  if (dropped.length === 0) return
  throw new APIError(
    // One colon and no commas: the admin shows the text after the colon as one line of its error toast.
    `Not saved: someone else added a section to this article after the copy you are editing. Copy your changes and reload to see theirs.`,
    CONFLICT,
    { currentVersion: originalDoc.updatedAt, fields: ['text'], sections: dropped },
    true,
  )
}

/** An author may take a loose section into their article only if they wrote it; editors any. */
const mayClaim = (req: PayloadRequest, section: Current): boolean =>
  isEditorUser(req.user) || (section.createdBy != null && String(relationId(section.createdBy)) === String(req.user?.id))

/**
 * A section saved since the version this save had seen:
 * - `untouched`: the row is still that version (the editor did not change it): the newer text wins;
 * - `unchanged`: the section's words are still that version's (only its status or article changed,
 *   as when a publish or a claim wrote it): the row is written;
 * - `conflict`: someone else changed the words, or the seen version is no longer stored.
 */
async function sinceSeen(req: PayloadRequest, row: Pick<TextRow, 'heading' | 'body'>, section: Current, seen: number): Promise<'untouched' | 'unchanged' | 'conflict'> {
  const version = await baseVersion(req, SECTIONS, section.id, new Date(seen).toISOString())
  if (!version) return 'conflict'
  const then = { heading: (version.heading as string | null) ?? '', body: version.body as Section['body'] }
  if (sameText(row, then)) return 'untouched'
  return sameText(then, section) ? 'unchanged' : 'conflict'
}

function conflict(index: number, seen: number, section: Current): APIError {
  const yours = new Date(seen).toISOString()
  const theirs = new Date(time(section.updatedAt)!).toISOString()
  return new APIError(
    // One colon and no commas: the admin shows the text after the colon as one line of its error toast.
    `Not saved: someone else saved the section “${sectionTitle(section.heading)}” after the copy you are editing (theirs ${theirs} / yours ${yours}). Copy your changes and reload to see theirs.`,
    CONFLICT,
    { baseVersion: yours, currentVersion: theirs, fields: [`text.${index}`], section: section.id },
    true,
  )
}
