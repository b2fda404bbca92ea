/**
 * Kinds of source, stored as their CSL item types so records convert to CSL-JSON (and from it to
 * BibTeX, RIS and every citation style) without a mapping table that could drift.
 */
export const PUBLICATION_TYPES = [
  { value: 'article-journal', label: 'Journal article' },
  { value: 'book', label: 'Book' },
  { value: 'chapter', label: 'Book chapter' },
  { value: 'report', label: 'Report' },
  { value: 'thesis', label: 'Thesis' },
  { value: 'dataset', label: 'Dataset' },
  { value: 'webpage', label: 'Web page' },
] as const

export type PublicationType = (typeof PUBLICATION_TYPES)[number]['value']

export const PUBLICATION_TYPE_VALUES = PUBLICATION_TYPES.map((t) => t.value) as [PublicationType, ...PublicationType[]]
