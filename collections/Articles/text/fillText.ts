import type { FieldHook } from 'payload'
import type { Article } from '@/payload-types'
import { seesDrafts } from '../../access/roles'
import { listedSectionIds, rowsFromSections, type TextRow } from './rows'
import { restoringVersion } from '../hooks/noteTextSent'

/**
 * The writing surface opens on the sections as they are now: one of them may have been edited on
 * its own since the article was last saved (over REST, or in the Sections view), and a copy that
 * lagged behind would hide that edit and then write the old text back. Only for a single document
 * read as the editor sees it (`draft`): lists keep the stored copy, and a version read (no `draft`,
 * or a restore, which reads the version with `draft`) must show the text as of that version, which
 * is what whole-article history is.
 */
export const fillText: FieldHook<Article, TextRow[] | null | undefined> = async ({ data, draft, findMany, req, value }) => {
  // Nothing for anyone else: Payload runs read hooks before field access, and a value returned
  // here would put the rows back into an anonymous answer.
  if (!seesDrafts(req.user)) return undefined
  if (draft !== true || findMany || !data || restoringVersion(req)) return value
  return rowsFromSections(req, listedSectionIds(data), value ?? [])
}
