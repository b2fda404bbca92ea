/**
 * What a looked-up record changes on a stored citation. The in-text label, first author and year
 * are the text's and stay; everything that describes the source comes from the record. Shared by
 * the admin's "Fill from DOI / PMID" endpoint and `npm run citations:resolve`.
 */
import type { SourceRecord } from './record'

export type FillData = Omit<SourceRecord, 'year' | 'doi' | 'pmid' | 'url'> & { doi?: string; pmid?: string }

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
