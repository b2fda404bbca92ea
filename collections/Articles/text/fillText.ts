import type { FieldHook } from 'payload'
import type { Article } from '@/payload-types'
import { seesDrafts } from '../../access/roles'
import { listedSectionIds, rowsFromSections, type TextRow } from './rows'

/**
 * The writing surface opens on the sections as they are now: one of them may have been edited on
 * its own since the article was last saved (over REST, or in the Sections view), and a copy that
 * lagged behind would hide that edit and then write the old text back. Only for a single document
 * read as the editor sees it (`draft`): lists keep the stored copy, and a version read (no `draft`)
 * must show the text as of that version, which is what whole-article history is.
 */
export const fillText: FieldHook<Article, TextRow[] | null | undefined> = async ({ data, draft, findMany, req, value }) => {
  if (draft !== true || findMany || !seesDrafts(req.user) || !data) return value
  return rowsFromSections(req, listedSectionIds(data), value ?? [])
}
