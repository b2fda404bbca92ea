/**
 * Bibliographic records for a document's citations, from a CSL-JSON file next to it
 * (`ketamine.txt` -> `ketamine.csl.json`). The text names its sources only by in-text label
 * ("Zarate et al. (2006)"); the file says which work that is (title, journal, DOI, PMID...).
 *
 * Records are matched to citations by first author and year, the same work key the seed already
 * uses to recognise a citation. The document text is never changed: when the text and the record
 * disagree (a wrong journal), the CMS shows that as a warning for an editor to settle.
 */
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { workKey } from '@/text/citationKey'
import { CslItem, fromCsl, type SourceRecord } from '../src/citations/record'
import { SeedError } from './errors'
import type { ParsedDocument, SeedWarning } from './schema'

/** A few hundred kB at most: a reference list, not a library export. */
const MAX_METADATA_BYTES = 1_048_576

export const metadataPathFor = (documentPath: string): string => documentPath.replace(/(\.[^./\\]*)?$/, '.csl.json')

/** The records in the file beside `documentPath`; none when there is no such file. */
export async function readCitationMetadata(documentPath: string): Promise<SourceRecord[]> {
  const file = metadataPathFor(documentPath)
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new SeedError(file, null, `cannot read the citation metadata (${(error as Error).message})`)
  }
  if (raw.length > MAX_METADATA_BYTES) throw new SeedError(file, null, `citation metadata larger than ${MAX_METADATA_BYTES} bytes`)
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    throw new SeedError(file, null, `not JSON (${(error as Error).message}); expected a CSL-JSON array`)
  }
  const items = z.array(CslItem).safeParse(json)
  if (!items.success) throw new SeedError(file, null, `not a CSL-JSON array: ${items.error.issues[0]?.message ?? 'invalid'}`)
  return items.data.map((item, i) => {
    try {
      return fromCsl(item)
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error
      const issue = error.issues[0]
      throw new SeedError(file, null, `item ${i + 1}${item.id ? ` (${item.id})` : ''}: ${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'invalid'}`)
    }
  })
}

/** The document with each citation's record attached; records that match no citation are warned about. */
export function attachMetadata(doc: ParsedDocument, records: readonly SourceRecord[]): { doc: ParsedDocument; warnings: SeedWarning[] } {
  const byWork = new Map<string, SourceRecord>()
  for (const record of records) {
    const first = record.authorList[0]
    if (first && record.year !== null) byWork.set(workKey(first.family, record.year), record)
  }
  const used = new Set<SourceRecord>()
  const citations = doc.citations.map((c) => {
    const source = byWork.get(workKey(c.firstAuthor, c.year))
    if (!source) return c
    used.add(source)
    return { ...c, source }
  })
  const warnings = records
    .filter((r) => !used.has(r))
    .map((r) => ({ line: 1, message: `citation metadata for "${r.title}" matches no citation in the text (first author and year)` }))
  return { doc: { ...doc, citations }, warnings }
}
