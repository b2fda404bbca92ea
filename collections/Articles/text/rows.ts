import type { PayloadRequest } from 'payload'
import type { Article, Section } from '@/payload-types'
import { randomBytes } from 'node:crypto'
import { relationId } from '@/text/relationId'
import { latestSectionVersions } from '../../Sections/latestVersions'

/** One row of the article's writing surface: a section as the editor types it. */
export type TextRow = NonNullable<Article['text']>[number]

/** The fields a row copies from its section's latest version. */
export const ROW_SOURCE_FIELDS = ['heading', 'body', 'updatedAt'] as const

/** An array row id in the shape Payload gives new rows (24 hex digits), for rows made on the server. */
export const newRowId = (): string => randomBytes(12).toString('hex')

/**
 * The article's sections as rows, in reading order, each with its latest version (drafts
 * included: what the editor sees). A row keeps the id it already had for the same section, so the
 * admin's form matches the rows it holds; `basedOn` is the section version the row shows.
 */
export async function rowsFromSections(req: PayloadRequest, ids: Section['id'][], previous: TextRow[] = []): Promise<TextRow[]> {
  const rowIdBySection = new Map(previous.filter((r) => r.section).map((r) => [String(r.section), r.id]))
  const sections = await latestSectionVersions(req, ids, [...ROW_SOURCE_FIELDS])
  return sections.map((s) => ({
    id: rowIdBySection.get(String(s.id)) ?? newRowId(),
    section: String(s.id),
    basedOn: s.updatedAt,
    heading: s.heading ?? '',
    body: s.body,
  }))
}

/** The section ids an article lists, in order. */
export const listedSectionIds = (article: Pick<Article, 'sections'> | undefined | null): Section['id'][] => (article?.sections ?? []).map(relationId)
