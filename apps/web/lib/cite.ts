/**
 * "Cite this article": APA 7 text and a BibTeX entry for one of our own articles. Pure functions, so the
 * exact strings are pinned by unit tests (tests/unit/web/cite.test.ts).
 *
 * Known limits, on purpose: APA wants sentence-case titles, but case cannot be lowered safely
 * (drug names, acronyms), so titles are printed as the editors wrote them; author names are
 * "Given Middle Surname" with an optional suffix, or already "Surname, Given".
 */
import { parseDate } from './dates'

export interface CiteSource {
  slug: string
  title: string
  /** Full names as stored in the CMS, e.g. "Carlos A. Zarate Jr." */
  authors: readonly string[]
  publishedAt: string | null
  /** The site or publication name, e.g. "Tripsitter Psychedelics". */
  siteName: string
  /** Absolute canonical URL of the article. */
  url: string
}

const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv'])

/** "Jean-Paul" -> "J.-P.", "A." -> "A." */
function initials(given: string): string {
  return given
    .split('-')
    .filter(Boolean)
    .map((part) => `${(Array.from(part)[0] ?? '').toUpperCase()}.`)
    .join('-')
}

/** "Carlos A. Zarate Jr." -> "Zarate, C. A., Jr."; "Zarate, Carlos" -> "Zarate, C."; "Plato" -> "Plato" */
export function apaAuthorName(fullName: string): string {
  const name = fullName.trim().replace(/\s+/g, ' ')
  if (name.includes(',')) {
    const [surname = '', given = ''] = name.split(',', 2).map((s) => s.trim())
    const givenInitials = given.split(' ').filter(Boolean).map(initials).join(' ')
    return givenInitials ? `${surname}, ${givenInitials}` : surname
  }
  const parts = name.split(' ').filter(Boolean)
  let suffix = ''
  const last = parts.at(-1)
  if (parts.length > 2 && last && NAME_SUFFIXES.has(last.toLowerCase())) {
    suffix = last
    parts.pop()
  }
  if (parts.length < 2) return parts[0] ?? ''
  const surname = parts.pop() ?? ''
  const formatted = `${surname}, ${parts.map(initials).join(' ')}`
  return suffix ? `${formatted}, ${suffix}` : formatted
}

/** APA 7: "A", "A, & B", "A, B, & C", and for 21 or more the first 19, an ellipsis, then the last. */
export function apaAuthorList(fullNames: readonly string[]): string {
  const names = fullNames.map(apaAuthorName).filter(Boolean)
  if (names.length <= 1) return names[0] ?? ''
  if (names.length === 2) return `${names[0]}, & ${names[1]}`
  if (names.length <= 20) return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`
  return `${names.slice(0, 19).join(', ')}, . . . ${names.at(-1)}`
}

const APA_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "2024, March 5" or "n.d." */
export function apaDate(iso: string | null): string {
  const date = parseDate(iso)
  if (!date) return 'n.d.'
  return `${date.getUTCFullYear()}, ${APA_MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`
}

const endsSentence = (s: string): boolean => /[.?!]$/.test(s)
const withPeriod = (s: string): string => (endsSentence(s) ? s : `${s}.`)

/**
 * The citation split around the title, because APA italicises the title of a web page; the page renders
 * `before` + <i>title</i> + `after`, and the plain string is their concatenation.
 */
export interface ApaParts {
  before: string
  title: string
  after: string
}

export function apaParts(src: CiteSource): ApaParts {
  const title = src.title.trim()
  const date = `(${apaDate(src.publishedAt)}).`
  const tail = ` ${withPeriod(src.siteName)} ${src.url}`
  const authors = apaAuthorList(src.authors)
  // CASE no author: APA moves the title into the author position, before the date.
  if (!authors) return { before: '', title, after: `${endsSentence(title) ? '' : '.'} ${date}${tail}` }
  return { before: `${withPeriod(authors)} ${date} `, title, after: `${endsSentence(title) ? '' : '.'}${tail}` }
}

export function apaCitation(src: CiteSource): string {
  const { before, title, after } = apaParts(src)
  return `${before}${title}${after}`
}

const BIBTEX_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
}

/** Escapes the characters (La)TeX treats specially, and folds newlines, which would split a field. */
export function escapeBibtex(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[\\{}%&$#_^~]/g, (c) => BIBTEX_ESCAPES[c] ?? c)
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** "tripsitter-ketamine-2024": stable, and unique enough within one reader's library. */
export function bibtexKey(slug: string, publishedAt: string | null): string {
  const year = parseDate(publishedAt)?.getUTCFullYear()
  const safeSlug = slug.replace(/[^a-z0-9-]/gi, '')
  return year ? `tripsitter-${safeSlug}-${year}` : `tripsitter-${safeSlug}`
}

/** A BibTeX name: a name holding the word "and" is braced so BibTeX does not split it into two people. */
function bibtexName(name: string): string {
  const escaped = escapeBibtex(name)
  return /\band\b/i.test(escaped) ? `{${escaped}}` : escaped
}

export function bibtexEntry(src: CiteSource): string {
  const date = parseDate(src.publishedAt)
  const fields: Array<[string, string]> = []
  const authors = src.authors.map((a) => a.trim()).filter(Boolean)
  if (authors.length > 0) fields.push(['author', `{${authors.map(bibtexName).join(' and ')}}`])
  // Double braces keep the title's capitalisation: BibTeX styles lowercase it otherwise.
  fields.push(['title', `{{${escapeBibtex(src.title)}}}`])
  fields.push(['journal', `{${escapeBibtex(src.siteName)}}`])
  if (date) {
    fields.push(['year', `{${date.getUTCFullYear()}}`])
    // Month macros (unbraced) let each style print the month its own way.
    fields.push(['month', BIBTEX_MONTHS[date.getUTCMonth()] ?? ''])
  }
  // URLs are not escaped: url fields are read verbatim, and ours are built from a validated slug.
  fields.push(['url', `{${src.url}}`])
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')
  return `@article{${bibtexKey(src.slug, src.publishedAt)},\n${body}\n}\n`
}
