/**
 * Claims checked against sources: what a sentence says about the work it cites (the journal it
 * appeared in, the year) compared with the citation's record. "In a trial published in the
 * American Journal of Psychiatry, Zarate et al. (2006) found..." cites a record whose journal is
 * Archives of General Psychiatry: the editor is told, with both names.
 *
 * Deliberately narrow, so a warning is worth reading: only a venue the sentence introduces with
 * "published in", "appeared in" (and the like), and only the year printed right before the
 * marker, are compared. Journal abbreviations ("Arch Gen Psychiatry") match their full names.
 */
import { childrenOf, citationIdOf, MAX_DEPTH, rootOf, typeOf, type LexicalNode, type LexicalState } from '@/richtext/citations'
import type { Id } from '@/cms/schemas'

export type CitedSentence = { citation: Id; sentence: string; /** offset of the marker in `sentence` */ at: number }

export type ClaimRecord = { journal?: string | null; journalAbbreviation?: string | null; year?: number | null; doi?: string | null; pmid?: string | null }

export type ClaimWarning = { kind: 'venue' | 'year'; said: string; recorded: string; message: string }

const BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'quote', 'listitem'])

/** Each citation marker with the sentence it stands in, in reading order. */
export function citedSentences(body: LexicalState | null | undefined): CitedSentence[] {
  const found: CitedSentence[] = []
  const visitBlock = (block: LexicalNode) => {
    let text = ''
    const markers: { citation: Id; at: number }[] = []
    const inline = (node: LexicalNode, depth: number) => {
      if (depth > MAX_DEPTH) return
      const id = citationIdOf(node)
      if (id !== null) markers.push({ citation: id, at: text.length })
      else if (typeOf(node) === 'text' && typeof node.text === 'string') text += node.text
      else if (typeOf(node) === 'linebreak') text += '\n'
      else if (!BLOCKS.has(typeOf(node))) for (const child of childrenOf(node)) inline(child, depth + 1)
    }
    for (const child of childrenOf(block)) if (!BLOCKS.has(typeOf(child))) inline(child, 1)
    if (markers.length === 0) return
    const sentences = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)]
    for (const marker of markers) {
      // A marker right after a sentence's full stop belongs to that sentence, not the next one.
      const sentence = sentences.findLast((s) => s.index < marker.at) ?? sentences[0]
      if (sentence) found.push({ citation: marker.citation, sentence: sentence.segment.trim(), at: marker.at - sentence.index })
    }
  }
  const walk = (node: LexicalNode, depth: number) => {
    if (depth > MAX_DEPTH) return
    for (const child of childrenOf(node)) {
      if (BLOCKS.has(typeOf(child))) visitBlock(child)
      if (childrenOf(child).some((c) => BLOCKS.has(typeOf(c)))) walk(child, depth + 1)
    }
  }
  const root = rootOf(body)
  if (root) walk(root, 0)
  return found
}

/** Words that join the capitalised words of a journal name. */
const JOINERS = 'of|and|the|for|in|on|&'
const VENUE = new RegExp(
  String.raw`\b(?:published|appeared|appearing|reported|printed|featured)\s+in\s+(?:the\s+)?((?:[A-Z][\p{L}'’.-]*)(?:\s+(?:(?:${JOINERS})\s+)*[A-Z][\p{L}'’.-]*)*)`,
  'gu',
)

/** Venues a sentence names: "published in the American Journal of Psychiatry" -> that name. */
export function venuesSaid(sentence: string): string[] {
  return [...sentence.matchAll(VENUE)].map((m) => m[1]!.replace(/[.,;:]+$/, ''))
}

const STOP = new Set(JOINERS.split('|'))
const venueWords = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP.has(w))

/**
 * Same journal, written in full or abbreviated the ISO 4 way: word for word, each word equal to
 * or a prefix of the other ("arch" / "archives", "gen" / "general").
 */
export function sameVenue(a: string, b: string): boolean {
  const [x, y] = [venueWords(a), venueWords(b)]
  if (x.length === 0 || x.length !== y.length) return false
  return x.every((w, i) => w.startsWith(y[i]!) || y[i]!.startsWith(w))
}

/** The year printed just before the marker: "Zarate et al. (2006)" -> 2006. */
export function yearSaid(sentence: string, at: number): number | null {
  const before = sentence.slice(Math.max(0, at - 12), at)
  const match = /\((\d{4})[a-z]?\)\s*$|\b(\d{4})[a-z]?\s*$/.exec(before)
  return match ? Number(match[1] ?? match[2]) : null
}

const recordName = (r: ClaimRecord) => (r.doi ? `the record for DOI ${r.doi}` : r.pmid ? `the record for PMID ${r.pmid}` : 'the citation record')

/** What the sentence says that the record contradicts; empty when they agree or the record is silent. */
export function checkClaim(cited: CitedSentence, record: ClaimRecord): ClaimWarning[] {
  const warnings: ClaimWarning[] = []
  const journal = record.journal?.trim()
  if (journal) {
    for (const said of venuesSaid(cited.sentence)) {
      const abbreviation = record.journalAbbreviation?.trim()
      if (!sameVenue(said, journal) && !(abbreviation && sameVenue(said, abbreviation))) warnings.push({ kind: 'venue', said, recorded: journal, message: `text says ${said}; ${recordName(record)} says ${journal}` })
    }
  }
  const year = yearSaid(cited.sentence, cited.at)
  if (year !== null && record.year && year !== record.year) {
    warnings.push({ kind: 'year', said: String(year), recorded: String(record.year), message: `text says ${year}; ${recordName(record)} says ${record.year}` })
  }
  return warnings
}
