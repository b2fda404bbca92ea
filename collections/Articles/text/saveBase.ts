import type { PayloadRequest } from 'payload'
import type { Article } from '@/payload-types'
import { ARTICLES } from '../../slugs'
import { relationId } from '@/text/relationId'
import { baseVersionSent } from '../../hooks/serverTimestamps'
import { baseVersion, time } from '../../hooks/versionCompare'
import type { TextRow } from './rows'

/**
 * What the copy a save was made from had seen: the article version it names (the `updatedAt` it
 * sent) holds the sections it listed and, per row, the section version it was written from or
 * read. A form can miss a stamp the server sent back (a row dragged while an autosave was on its
 * way), but never the article version it saved last, so the two together say what is its own.
 */
export type SaveBase = {
  /** Someone saved the article after the copy this save was made from. */
  stale: boolean
  /** The sections that copy listed; null when unknown (no `updatedAt` sent, or pruned). */
  sections: Set<string> | null
  /** Per section id, the newest version of it that copy had seen (ms). */
  seen: Map<string, number>
}

const UNKNOWN: SaveBase = { stale: false, sections: null, seen: new Map() }

export async function saveBase(req: PayloadRequest, originalDoc: Article | undefined): Promise<SaveBase> {
  if (!originalDoc) return UNKNOWN
  const sent = time(baseVersionSent(req, ARTICLES, originalDoc.id))
  if (sent === null) return UNKNOWN
  const stale = sent < (time(originalDoc.updatedAt) ?? 0)
  const version = await baseVersion(req, ARTICLES, originalDoc.id, new Date(sent).toISOString())
  if (!version) return { ...UNKNOWN, stale }
  const rows = (version.text as TextRow[] | null | undefined) ?? []
  const seen = new Map<string, number>()
  for (const row of rows) {
    const at = time(row.basedOn)
    if (row.section && at !== null) seen.set(String(row.section), Math.max(at, seen.get(String(row.section)) ?? 0))
  }
  const sections = new Set(((version.sections as Article['sections']) ?? []).map((s) => String(relationId(s))))
  return { stale, sections, seen }
}

/** The newest version of a section this save has seen: the row's own stamp or its copy's. */
export function seenVersion(base: SaveBase, row: TextRow): number | null {
  const own = time(row.basedOn)
  const copy = row.section ? base.seen.get(String(row.section)) : undefined
  if (own === null) return copy ?? null
  return Math.max(own, copy ?? 0)
}
