/**
 * What a looked-up record changes on a stored citation. The in-text label, first author and year
 * are the text's and stay; everything that describes the source comes from the record. Shared by
 * the admin's "Fill from DOI / PMID" endpoint and `npm run citations:resolve`.
 */
import { z } from 'zod'
import type { SourceRecord } from './record'

export type FillData = Omit<SourceRecord, 'year' | 'doi' | 'pmid' | 'url'> & { doi?: string; pmid?: string }

/**
 * FillData as the admin's "Fill from DOI / PMID" reads it from the endpoint's answer, in the browser
 * (this module has no server imports). The endpoint checks its answer against it at compile time.
 */
export const FillFields = z.object({
  authorList: z.array(z.object({ family: z.string(), given: z.string().nullish(), suffix: z.string().nullish() })),
  title: z.string(),
  journal: z.string().nullable(),
  journalAbbreviation: z.string().nullable(),
  volume: z.string().nullable(),
  issue: z.string().nullable(),
  pages: z.string().nullable(),
  publicationType: z.string(),
  doi: z.string().optional(),
  pmid: z.string().optional(),
})
export type FillFields = z.infer<typeof FillFields>

export function fillFromRecord(record: SourceRecord, current: { doi?: string | null; pmid?: string | null }): FillData {
  const { authorList, title, journal, journalAbbreviation, volume, issue, pages, publicationType } = record
  return {
    authorList,
    title,
    journal,
    journalAbbreviation,
    volume,
    issue,
    pages,
    publicationType,
    // An identifier the record adds is kept; one the editor typed is never replaced.
    ...(!current.doi && record.doi ? { doi: record.doi } : {}),
    ...(!current.pmid && record.pmid ? { pmid: record.pmid } : {}),
  }
}
