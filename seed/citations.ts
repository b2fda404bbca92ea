/**
 * In-text citations: finding them in a paragraph, and turning all mentions in a document into one
 * record per cited work, with the venue and study type named alongside.
 *
 * Recognised forms: `Zarate et al. (2006)`, `Smith and Jones (2017)`, `Smith, Lee and Jones (2017)`,
 * `Smith (2017)`, and parenthetical `(Smith et al., 2019)`, `(Smith and Jones, 2019)`,
 * `(Smith, 2019)`, `(Smith, 2019, 2020)`, `(see Smith et al., 2019; Jones, 2020)`. Years 1800-2099
 * with an optional letter (`2019a`).
 *
 * Conservative on purpose: a missed citation stays readable text, a false one becomes a bogus
 * reference. So a surname must look like one (capital, then a lowercase letter: `McDonald`,
 * `O'Brien`, `Carhart-Harris`, `de Vries`), which rules out acronyms: `COVID-19 (2020)`,
 * `WHO (2020)` and `SSRIs (2019)` are not citations. Capitalised words that commonly precede a
 * parenthesised year (`In`, `Since`, `March`, `Study`...) are refused as author names.
 * Every quantifier is bounded, so each match attempt costs constant time: no catastrophic
 * backtracking on hostile input.
 */
import { sentenceSpans } from './sentences'
import { STUDY_TYPES, type ParsedCitation, type SeedWarning, type StudyType } from './schema'

const PARTICLE = String.raw`(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]el|[Dd]ella|[Dd]i|[Dd]a|[Dd]u|[Dd]os|[Dd]as|[Ll]e|[Ll]a|[Tt]er)`
const CORE = String.raw`\p{Lu}\p{M}*(?:\p{Ll}|['’]\p{Lu})[\p{L}\p{M}]{0,30}(?:-[\p{L}\p{M}]{1,30}){0,2}`
const SURNAME = String.raw`(?:${PARTICLE}\s{1,3}){0,3}${CORE}`
const AUTHORS = String.raw`${SURNAME}(?:\s{1,3}et\s{1,3}al\.?|(?:,\s{1,3}${SURNAME}){0,4},?\s{1,3}(?:and|&)\s{1,3}${SURNAME})?`
const YEAR = String.raw`(?:18|19|20)\d\d[a-z]?`
// A surname starts a word: "McDonald" must not yield "Donald".
const WORD_START = String.raw`(?<![\p{L}\p{M}\p{N}'’-])`
// Authors captured for the per-entry scan; non-capturing inside the whole-parenthesis pattern.
const entry = (open: string): string => String.raw`${WORD_START}${open}${AUTHORS}),?\s{1,3}${YEAR}(?:,\s{0,3}${YEAR}){0,4}`

const NARRATIVE = new RegExp(String.raw`${WORD_START}(${AUTHORS})\s{1,3}\(((?:18|19|20)\d\d)([a-z])?\)`, 'gu')
const PARENTHETICAL = new RegExp(
  String.raw`\((?:(?:see|e\.g\.,?|cf\.|i\.e\.,?)\s{1,3})?${entry('(?:')}(?:;\s{0,3}${entry('(?:')}){0,9}\)`,
  'gu',
)
const ENTRY_G = new RegExp(entry('('), 'gu')
const YEAR_G = /((?:18|19|20)\d\d)([a-z])?/g
const FIRST_SURNAME = new RegExp(`^${SURNAME}`, 'u')
const AUTHOR_SEPARATOR = /,\s*|\s+(?:and|&)\s+|\s+et\s+al\.?/

// Words that are not surnames but do precede "(year)" in prose. Words that are also common
// surnames (May, Law, Page, Winter, An) are deliberately absent: a missed month costs less than a
// missed author.
const NOT_SURNAMES = new Set(
  ('In On At By For From Since Until Before After During Between Of And Or But As The This That These Those ' +
    'Also However Then Year Years Study Studies Trial Trials Review Reviews Research Report Reports Survey ' +
    'Data Act Guidelines Guideline Edition Version Update Figure Table Chapter Volume Issue Published ' +
    'January February March April June July August September October November December ' +
    'Spring Summer Autumn Fall').split(' '),
)

/** One printed occurrence. The reference inline goes at `end`, right after the printed label. */
export interface CitationMention {
  start: number
  end: number
  key: string
  label: string
  authors: string
  firstAuthor: string
  year: number
  yearSuffix: string | null
}

/** Mentions in `text`, in text order, never overlapping. */
export function findCitationMentions(text: string): CitationMention[] {
  const found: CitationMention[] = []
  for (const match of text.matchAll(PARENTHETICAL)) found.push(...parentheticalMentions(match[0], match.index))
  NARRATIVE.lastIndex = 0
  for (let match = NARRATIVE.exec(text); match; match = NARRATIVE.exec(text)) {
    const [label, authors = '', year = '', suffix] = match
    const mention = makeMention(match.index, match.index + label.length, label, authors, year, suffix)
    // A refused name may have swallowed a real citation after it ("Research and Smith (2019)"):
    // look again one character later instead of skipping the whole match.
    if (mention) found.push(mention)
    else NARRATIVE.lastIndex = match.index + 1
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  // Sorted by start, a mention overlaps an earlier kept one exactly when it starts before the
  // furthest end kept so far; comparing with that alone keeps this linear.
  const kept: CitationMention[] = []
  let keptEnd = 0
  for (const mention of found) {
    if (mention.start < keptEnd) continue
    kept.push(mention)
    keptEnd = mention.end
  }
  return kept
}

function parentheticalMentions(group: string, offset: number): CitationMention[] {
  const mentions: CitationMention[] = []
  for (const entry of group.matchAll(ENTRY_G)) {
    const authors = entry[1] ?? ''
    const yearsFrom = entry.index + authors.length
    const years = [...entry[0].slice(authors.length).matchAll(YEAR_G)]
    for (const [i, year] of years.entries()) {
      const start = i === 0 ? entry.index : yearsFrom + year.index
      const end = yearsFrom + year.index + year[0].length
      // "(Smith, 2019, 2020)" prints the authors once; the second work gets a label of its own.
      const label = i === 0 ? group.slice(start, end) : `${normalizeSpace(authors)}, ${year[0]}`
      const mention = makeMention(offset + start, offset + end, label, authors, year[1] ?? '', year[2])
      if (mention) mentions.push(mention)
    }
  }
  return mentions
}

function makeMention(start: number, end: number, label: string, rawAuthors: string, year: string, suffix: string | undefined): CitationMention | null {
  const authors = normalizeSpace(rawAuthors)
  const names = authors.split(AUTHOR_SEPARATOR).filter(Boolean)
  if (names.some((name) => NOT_SURNAMES.has(name.split(' ').at(-1) ?? ''))) return null
  const firstAuthor = FIRST_SURNAME.exec(authors)?.[0]
  if (!firstAuthor) return null
  const yearSuffix = suffix ?? null
  const key = `${firstAuthor.toLowerCase().replace(/\s+/g, '-').replace(/’/g, "'")}-${year}${yearSuffix ?? ''}`
  return { start, end, key, label, authors, firstAuthor, year: Number(year), yearSuffix }
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ')
}

// ---------------------------------------------------------------------------------------------
// Venue and study type

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}\p{N}'’&-]{0,30}|&)`
const JOURNAL_NAME = String.raw`${NAME_WORD}(?:\s(?:(?:of|and|for|in|on|the|&)\s){0,2}${NAME_WORD}){0,9}`
// After "published in" any title-cased name is a venue; after a bare "in" only a name that says
// so, otherwise "in Zarate et al." or "in Europe" would become journals.
const PUBLISHED_IN = new RegExp(String.raw`\b(?:published|appear(?:ed|ing|s)?|printed)\s+in\s+(?:the\s+)?(${JOURNAL_NAME})`, 'u')
const BARE_IN = new RegExp(String.raw`(?<![\p{L}])[Ii]n\s+(?:the\s+)?(${JOURNAL_NAME})`, 'gu')
const VENUE_WORD = /\b(?:Journal|Lancet|JAMA|BMJ|NEJM|Nature|Science|Annals|Archives|Proceedings|Bulletin|PLOS|PLoS|Cochrane)\b/

export function findVenue(sentence: string): string | null {
  const published = PUBLISHED_IN.exec(sentence)?.[1]
  if (published) return cleanVenue(published)
  for (const match of sentence.matchAll(BARE_IN)) if (VENUE_WORD.test(match[1] ?? '')) return cleanVenue(match[1] ?? '')
  return null
}

function cleanVenue(name: string): string {
  return name.replace(/['’]s$/, '')
}

const STUDY_TYPE_PATTERNS: Readonly<Record<StudyType, RegExp>> = {
  'systematic review and meta-analysis': /\bsystematic\s+reviews?\s+and\s+meta-?\s?analys[ei]s\b/i,
  'meta-analysis': /\bmeta-?\s?analys[ei]s\b/i,
  'systematic review': /\bsystematic\s+reviews?\b/i,
  'randomized controlled trial': /\brandomi[sz]ed(?:,?\s+(?:single|double|triple)[\s-]blind(?:ed)?)?,?\s+(?:placebo[\s-])?controlled\s+trials?\b/i,
  'case-control study': /\bcase[\s-]control\s+stud(?:y|ies)\b/i,
  'cohort study': /\bcohort\s+stud(?:y|ies)\b/i,
  'cross-sectional study': /\bcross[\s-]sectional\s+stud(?:y|ies)\b/i,
  'open-label trial': /\bopen[\s-]label(?:\s+[a-z-]{1,30})?\s+(?:trial|study)s?\b/i,
  'pilot study': /\bpilot\s+(?:study|studies|trials?)\b/i,
  'case series': /\bcase\s+series\b/i,
  'case report': /\bcase\s+reports?\b/i,
  'double-blind': /\bdouble[\s-]blind(?:ed)?\b/i,
}

/** The most specific study type named in the sentence (first in STUDY_TYPES order). */
export function findStudyType(sentence: string): StudyType | null {
  return STUDY_TYPES.find((type) => STUDY_TYPE_PATTERNS[type].test(sentence)) ?? null
}

// ---------------------------------------------------------------------------------------------
// Document-wide records

export interface CitationSource {
  text: string
  /** Source line of a character offset in `text`. */
  lineAt(offset: number): number
}

export interface CollectedCitations {
  citations: ParsedCitation[]
  /** Per input paragraph, in input order. */
  mentions: CitationMention[][]
  warnings: SeedWarning[]
}

/**
 * One record per (first author, year, suffix), in order of first mention. A venue or study type
 * is recorded only when its sentence cites exactly one work; with several it is ambiguous, and a
 * warning says so rather than guessing.
 */
export function collectCitations(paragraphs: readonly CitationSource[]): CollectedCitations {
  const byKey = new Map<string, ParsedCitation>()
  const warnings: SeedWarning[] = []
  const mentions = paragraphs.map((paragraph) => {
    const found = findCitationMentions(paragraph.text)
    for (const mention of found) {
      if (!byKey.has(mention.key)) {
        const { key, label, authors, firstAuthor, year, yearSuffix } = mention
        byKey.set(key, { key, label, authors, firstAuthor, year, yearSuffix, journal: null, studyType: null, line: paragraph.lineAt(mention.start) })
      }
    }
    let next = 0 // mentions and sentences are both in text order: walk them together
    for (const span of sentenceSpans(paragraph.text)) {
      const inSentence: CitationMention[] = []
      for (let m = found[next]; m && m.start < span.end; m = found[++next]) inSentence.push(m)
      if (inSentence.length === 0) continue
      const sentence = paragraph.text.slice(span.start, span.end)
      const line = paragraph.lineAt(span.start)
      const keys = [...new Set(inSentence.map((m) => m.key))]
      const citation = keys.length === 1 ? byKey.get(keys[0] ?? '') : undefined
      const record = <F extends 'journal' | 'studyType'>(field: F, value: ParsedCitation[F], what: string): void => {
        if (value === null) return
        if (!citation) warnings.push({ line, message: `${what} "${value}" is named in a sentence citing ${keys.length} works (${keys.join(', ')}); not recorded on any` })
        else if (citation[field] === null) citation[field] = value
        else if (citation[field] !== value) warnings.push({ line, message: `${what} "${value}" for ${citation.key} conflicts with "${citation[field]}" named earlier; kept the earlier one` })
      }
      record('journal', findVenue(sentence), 'journal')
      record('studyType', findStudyType(sentence), 'study type')
    }
    return found
  })
  return { citations: [...byKey.values()], mentions, warnings }
}
