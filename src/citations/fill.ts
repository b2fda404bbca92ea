/**
 * What a looked-up record changes on a stored citation. The in-text label, first author and year
 * are the text's and stay; everything that describes the source comes from the record. Shared by
 * the admin's "Fill from DOI / PMID" endpoint and `npm run citations:resolve`.
 */
import { z } from 'zod'
import { SourceRecord } from './record'

/**
 * The fields a fill writes, also how the admin's "Fill from DOI / PMID" reads the endpoint's answer in
 * the browser (this module and `./record` have no server imports).
 */
export const FillFields = SourceRecord.omit({ year: true, doi: true, pmid: true, url: true }).extend({
  doi: z.string().optional(),
  pmid: z.string().optional(),
})
export type FillFields = z.infer<typeof FillFields>

export function fillFromRecord(record: SourceRecord, current: { doi?: string | null; pmid?: string | null }): FillFields {
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
