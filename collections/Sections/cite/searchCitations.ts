import { z } from '../../components/zod'

/** What the Cite dialog shows of each citation: enough to tell two works by one author apart. */
export const CitationChoice = z.object({
  id: z.union([z.string(), z.number()]),
  label: z.string(),
  firstAuthor: z.string(),
  year: z.number(),
  title: z.string().nullish(),
  journal: z.string().nullish(),
  doi: z.string().nullish(),
  pmid: z.string().nullish(),
  sourceStatus: z.enum(['verified', 'needs-source']).nullish(),
})
export type CitationChoice = z.infer<typeof CitationChoice>

const SELECT = ['label', 'firstAuthor', 'year', 'title', 'journal', 'doi', 'pmid', 'sourceStatus'] as const
/** Matched word by word (Payload's `like`): "feder ptsd" finds Feder's PTSD trial by author and title. */
const TEXT_FIELDS = ['label', 'firstAuthor', 'title', 'journal', 'doi', 'pmid'] as const
export const CHOICES_SHOWN = 8

/**
 * The REST query for citations matching what an editor typed: any of the text fields, or the year
 * when a four-digit number is typed. An empty query lists the most recently edited citations,
 * which is usually the one just created or fixed.
 */
export function citationSearchParams(query: string): URLSearchParams {
  const params = new URLSearchParams({ depth: '0', limit: String(CHOICES_SHOWN) })
  for (const field of SELECT) params.set(`select[${field}]`, 'true')
  const q = query.trim()
  if (q === '') {
    params.set('sort', '-updatedAt')
    return params
  }
  params.set('sort', 'label')
  TEXT_FIELDS.forEach((field, i) => params.set(`where[or][${i}][${field}][like]`, q))
  if (/^\d{4}$/.test(q)) params.set(`where[or][${TEXT_FIELDS.length}][year][equals]`, q)
  return params
}

export const CitationChoices = z.object({ docs: z.array(CitationChoice) })
