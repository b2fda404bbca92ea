/**
 * A source's bibliographic record as the CMS stores it, and its CSL-JSON form.
 *
 * CSL-JSON is the interchange format of citation-js, citeproc, Zotero and Crossref's own content
 * negotiation, so the bundled metadata files, the style renderer and the downloads all speak it;
 * this module is the one place that maps between it and the Citations collection's fields.
 */
import { z } from 'zod'
import { normalizeDoi, normalizePmid } from './identifiers'
import { PUBLICATION_TYPE_VALUES, type PublicationType } from './publicationTypes'

export const Name = z.object({
  family: z.string().trim().min(1).max(200),
  given: z.string().trim().max(200).nullable(),
  suffix: z.string().trim().max(20).nullable(),
})
export type Name = z.infer<typeof Name>

/** What a lookup or a metadata file contributes to a citation: its source, never its in-text label. */
export const SourceRecord = z.object({
  authorList: z.array(Name).max(500),
  title: z.string().trim().min(1).max(2000),
  journal: z.string().trim().max(500).nullable(),
  /** The journal's abbreviated title (ISO 4 / NLM), e.g. "Arch Gen Psychiatry": what AMA and Vancouver print. */
  journalAbbreviation: z.string().trim().max(200).nullable(),
  year: z.number().int().min(1500).max(2200).nullable(),
  volume: z.string().max(50).nullable(),
  issue: z.string().max(50).nullable(),
  pages: z.string().max(50).nullable(),
  doi: z.string().nullable(),
  pmid: z.string().nullable(),
  url: z.string().max(2000).nullable(),
  publicationType: z.enum(PUBLICATION_TYPE_VALUES),
})
export type SourceRecord = z.infer<typeof SourceRecord>

const text = z.union([z.string(), z.number()]).transform(String)
const CslName = z.looseObject({ family: z.string().optional(), given: z.string().optional(), suffix: z.string().optional(), literal: z.string().optional() })

/** The CSL-JSON fields we read; anything else in an item is ignored. */
export const CslItem = z.looseObject({
  id: text.optional(),
  type: z.string().optional(),
  title: z.string().optional(),
  author: z.array(CslName).optional(),
  'container-title': z.union([z.string(), z.array(z.string())]).optional(),
  'container-title-short': z.union([z.string(), z.array(z.string())]).optional(),
  journalAbbreviation: z.string().optional(),
  issued: z.looseObject({ 'date-parts': z.array(z.array(text)).optional() }).optional(),
  volume: text.optional(),
  issue: text.optional(),
  page: text.optional(),
  DOI: z.string().optional(),
  PMID: text.optional(),
  URL: z.string().optional(),
})
export type CslItem = z.infer<typeof CslItem>

const nonEmpty = (v: string | undefined | null): string | null => (v && v.trim() !== '' ? v.trim() : null)

/** Our type for a CSL type; the many kinds we do not distinguish ("article", "paper-conference"...) read as journal articles. */
export const asPublicationType = (type: string | null | undefined): PublicationType =>
  (PUBLICATION_TYPE_VALUES as readonly string[]).includes(type ?? '') ? (type as PublicationType) : 'article-journal'

/** A CSL item as a record; throws a ZodError naming the field when the item has no usable title. */
export function fromCsl(item: CslItem): SourceRecord {
  const year = Number(item.issued?.['date-parts']?.[0]?.[0])
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const container = first(item['container-title'])
  return SourceRecord.parse({
    authorList: (item.author ?? []).flatMap((a) => {
      const family = nonEmpty(a.family) ?? nonEmpty(a.literal)
      return family ? [{ family, given: nonEmpty(a.given), suffix: nonEmpty(a.suffix) }] : []
    }),
    title: item.title ?? '',
    journal: nonEmpty(container),
    journalAbbreviation: nonEmpty(first(item['container-title-short'])) ?? nonEmpty(item.journalAbbreviation),
    year: Number.isInteger(year) ? year : null,
    volume: nonEmpty(item.volume),
    issue: nonEmpty(item.issue),
    pages: nonEmpty(item.page)?.replace(/[–—]/g, '-') ?? null,
    doi: normalizeDoi(item.DOI),
    pmid: normalizePmid(item.PMID),
    url: nonEmpty(item.URL),
    publicationType: asPublicationType(item.type),
  })
}

/** The stored fields a CSL item is built from (a Citations document or the public `Citation`). */
export interface CitableRecord {
  label: string
  /** Authors as printed, used when no structured list is on record (CSL prints it as a literal). */
  authors?: string | null
  authorList?: ReadonlyArray<{ family: string; given?: string | null; suffix?: string | null }> | null
  title?: string | null
  journal?: string | null
  journalAbbreviation?: string | null
  year?: number | null
  volume?: string | null
  issue?: string | null
  pages?: string | null
  doi?: string | null
  pmid?: string | null
  url?: string | null
  publicationType?: string | null
}

/** A CSL-JSON item as we write it. */
export interface CslData {
  id: string
  type: PublicationType
  title: string
  author?: Array<{ family: string; given?: string; suffix?: string } | { literal: string }>
  'container-title'?: string
  'container-title-short'?: string
  issued?: { 'date-parts': number[][] }
  volume?: string
  issue?: string
  page?: string
  DOI?: string
  PMID?: string
  URL?: string
}

/** CSL-JSON for a stored citation; `id` names it inside one bibliography. */
export function toCsl(record: CitableRecord, id: string): CslData {
  const item: CslData = { id, type: asPublicationType(record.publicationType), title: record.title ?? record.label }
  const authors = (record.authorList ?? []).map((a) => ({
    family: a.family,
    ...(a.given ? { given: a.given } : {}),
    ...(a.suffix ? { suffix: a.suffix } : {}),
  }))
  if (authors.length > 0) item.author = authors
  else if (record.authors?.trim()) item.author = [{ literal: record.authors.trim() }]
  if (record.journal) item['container-title'] = record.journal
  if (record.journalAbbreviation) item['container-title-short'] = record.journalAbbreviation
  if (record.year != null) item.issued = { 'date-parts': [[record.year]] }
  if (record.volume) item.volume = record.volume
  if (record.issue) item.issue = record.issue
  if (record.pages) item.page = record.pages
  const doi = normalizeDoi(record.doi)
  if (doi) item.DOI = doi
  const pmid = normalizePmid(record.pmid)
  if (pmid) item.PMID = pmid
  if (record.url) item.URL = record.url
  return item
}
