/**
 * Natural keys of a citation, case- and accent-folded.
 * - `citationKey`: first author's surname, year and venue; unique in the CMS.
 * - `workKey`: first author and year only; how the seed recognises a citation an editor has since
 *   given a venue (which changed its citationKey).
 */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

export const workKey = (firstAuthor: string, year: number): string => `${fold(firstAuthor)}|${year}`

export const citationKey = (firstAuthor: string, year: number, journal: string | null): string =>
  `${workKey(firstAuthor, year)}|${fold(journal ?? '')}`
