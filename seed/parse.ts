/**
 * Source text -> ParsedDocument: the pure, tested half of the seed.
 *
 * Document shape: an optional publication line, the title line, an optional byline
 * (`By: Ann Lee, MD; Ben Ode`: people separated by semicolons, credentials after the first comma),
 * introduction paragraphs, then
 * sections that each start with a heading line. Paragraphs are separated by blank lines; a
 * paragraph's hard-wrapped lines are joined with single spaces. The result is validated with the
 * zod schema before it is returned, so the database half can trust it.
 *
 * Known ambiguity (inherent to the shape, not fixable here): a document whose title is followed
 * directly by a heading reads as "publication + title"; give such a document an introduction.
 */
import { slugify } from '../src/text/slugify'
import { collectCitations, type CitationMention } from './citations'
import { SeedError } from './errors'
import { ParsedDocument, type Inline, type ParsedParagraph, type ParsedSection, type SeedWarning } from './schema'
import { leadSentences } from './sentences'

export const SUMMARY_MAX_LENGTH = 300
const INTRODUCTION_ANCHOR = 'introduction'

/** A blank-line-separated block of the source. */
interface Block {
  line: number
  lineCount: number
  text: string
  /** Offset in `text` where each source line starts. */
  lineStarts: number[]
}

export function parseDocument(text: string, file: string): ParsedDocument {
  // Also done by readSourceDocument; repeated so callers that pass text directly get the same result.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const nul = normalized.indexOf('\0')
  if (nul !== -1) throw new SeedError(file, normalized.slice(0, nul).split('\n').length, 'binary content (NUL byte); expected UTF-8 text')

  const warnings: SeedWarning[] = []
  const blocks: Block[] = []
  for (const block of splitBlocks(normalized)) {
    if (isFragment(block.text)) warnings.push({ line: block.line, message: `fragment ${quote(block.text)} is not prose; left out of the article` })
    else blocks.push(block)
  }
  const byline = takeByline(blocks, file)
  const [first, second] = blocks
  if (!first) throw new SeedError(file, null, warnings.length > 0 ? 'file has no text, only fragments' : 'file is empty')
  if (!isHeadingLike(first)) throw new SeedError(file, first.line, 'no title: the first paragraph must be a title line (one short line without closing punctuation)')

  const hasPublication = second !== undefined && isHeadingLike(second)
  const titleBlock = hasPublication ? second : first
  const title = titleBlock.text
  const slug = slugify(title)
  if (slug === '') throw new SeedError(file, titleBlock.line, `title ${quote(title)} has no Latin letters or digits to make a slug from`)
  const body = blocks.slice(hasPublication ? 2 : 1)
  if (body.length === 0) throw new SeedError(file, titleBlock.line, `no content after the title ${quote(title)}`)

  const groups = groupSections(body, file)
  const paragraphBlocks = groups.flatMap((group) => group.paragraphs)
  const collected = collectCitations(paragraphBlocks.map((block) => ({ text: block.text, lineAt: (offset: number) => lineAt(block, offset) })))
  let paragraphIndex = 0 // collected.mentions is per paragraph, in the same document order

  const anchors = new Set<string>()
  const nextSuffix = new Map<string, number>()
  const sections: ParsedSection[] = groups.map((group) => ({
    heading: group.heading,
    anchor: uniqueAnchor(group.heading === null ? INTRODUCTION_ANCHOR : slugify(group.heading) || 'section', anchors, nextSuffix),
    line: group.line,
    paragraphs: group.paragraphs.map((block) => toParagraph(block, collected.mentions[paragraphIndex++] ?? [])),
  }))
  const firstParagraph = paragraphBlocks[0]?.text ?? ''

  return ParsedDocument.parse({
    file,
    publication: hasPublication ? first.text : null,
    title,
    slug,
    authors: byline,
    summary: leadSentences(firstParagraph, SUMMARY_MAX_LENGTH),
    sections,
    citations: collected.citations,
    warnings: [...warnings, ...collected.warnings].sort((a, b) => a.line - b.line),
  })
}

const BYLINE = /^By:\s*/i

/**
 * The `By:` line sits right after the title (block 2, or 3 after a publication line), either as its
 * own paragraph or as the title's second line. It is taken out before anything else reads the
 * blocks: being short and unpunctuated, it would otherwise pass for a title or a heading.
 */
function takeByline(blocks: Block[], file: string): ParsedDocument['authors'] {
  let found: { text: string; line: number } | undefined
  for (const i of [0, 1]) {
    const block = blocks[i]
    const second = block?.lineStarts[1]
    if (block && block.lineCount === 2 && second !== undefined && BYLINE.test(block.text.slice(second))) {
      found = { text: block.text.slice(second), line: block.line + 1 }
      blocks[i] = { line: block.line, lineCount: 1, text: block.text.slice(0, second - 1), lineStarts: [0] }
      break
    }
    const next = blocks[i + 1]
    if (next && BYLINE.test(next.text) && (i === 0 || isHeadingLike(block!))) {
      found = { text: next.text, line: next.line }
      blocks.splice(i + 1, 1)
      break
    }
  }
  if (!found) return []
  const people = found.text
    .replace(BYLINE, '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const comma = part.indexOf(',')
      const name = (comma === -1 ? part : part.slice(0, comma)).trim()
      const credentials = comma === -1 ? '' : part.slice(comma + 1).trim()
      return { name, credentials: credentials || null }
    })
  if (people.length === 0 || people.some((p) => p.name === '')) throw new SeedError(file, found.line, 'By: line names nobody; expected "By: Name, Credentials; Name"')
  const tooLong = people.find((p) => p.name.length > 120 || (p.credentials?.length ?? 0) > 120)
  if (tooLong) throw new SeedError(file, found.line, `By: line: ${quote(tooLong.name)} is longer than 120 characters`)
  return people
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let current: Block | null = null
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    if (line === '') {
      current = null
    } else if (current === null) {
      current = { line: i + 1, lineCount: 1, text: line, lineStarts: [0] }
      blocks.push(current)
    } else {
      current.lineStarts.push(current.text.length + 1)
      current.text += ` ${line}`
      current.lineCount++
    }
  }
  return blocks
}

// Binary search: a hard-wrapped paragraph can have thousands of lines and many citations.
function lineAt(block: Block, offset: number): number {
  let low = 0
  let high = block.lineStarts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((block.lineStarts[mid] ?? 0) <= offset) low = mid
    else high = mid - 1
  }
  return block.line + low
}

/** Not prose: at most 3 visible characters (a stray `編集`), or no letters at all (`---`, `42`). */
function isFragment(text: string): boolean {
  return [...text.replace(/\s+/g, '')].length <= 3 || !/\p{L}/u.test(text)
}

function isHeadingLike(block: Block): boolean {
  const { text } = block
  return (
    block.lineCount === 1 &&
    [...text].length <= 100 &&
    text.split(/\s+/).length <= 14 &&
    // Closing quotes or brackets after the punctuation still close a sentence: `He asked "why?"`.
    !/[.!?;,:…]["'”’)\]]*$/.test(text)
  )
}

interface SectionGroup {
  heading: string | null
  line: number
  paragraphs: Block[]
}

function groupSections(body: Block[], file: string): SectionGroup[] {
  const groups: SectionGroup[] = []
  for (const block of body) {
    const current = groups.at(-1)
    if (isHeadingLike(block)) {
      if (current && current.paragraphs.length === 0) throw noBody(file, current)
      groups.push({ heading: block.text, line: block.line, paragraphs: [] })
    } else if (current) {
      current.paragraphs.push(block)
    } else {
      groups.push({ heading: null, line: block.line, paragraphs: [block] })
    }
  }
  const last = groups.at(-1)
  if (last && last.paragraphs.length === 0) throw noBody(file, last)
  return groups
}

function noBody(file: string, group: SectionGroup): SeedError {
  return new SeedError(file, group.line, `heading ${quote(group.heading ?? '')} has no body`)
}

/** `base`, else `base-2`, `base-3`... `next` remembers where each base got to, so many equal headings stay linear. */
function uniqueAnchor(base: string, taken: Set<string>, next: Map<string, number>): string {
  let anchor = base
  for (let n = next.get(base) ?? 2; taken.has(anchor); n++) {
    anchor = `${base}-${n}`
    next.set(base, n + 1)
  }
  taken.add(anchor)
  return anchor
}

function toParagraph(block: Block, mentions: CitationMention[]): ParsedParagraph {
  const label = runInLabel(block.text)
  const inlines: Inline[] = []
  let at = label?.length ?? 0
  const pushText = (end: number): void => {
    if (end > at) inlines.push({ type: 'text', text: block.text.slice(at, end) })
    at = end
  }
  for (const mention of mentions) {
    pushText(mention.end)
    inlines.push({ type: 'citation', key: mention.key })
  }
  pushText(block.text.length)
  return { line: block.line, label, inlines }
}

// Short words that stay lowercase in a title-cased label ("PTSD and Trauma-Related Conditions").
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'for', 'in', 'on', 'to', 'with', 'at', 'by', 'from', 'as', 'vs', 'versus', 'via', 'per'])

/**
 * `Depression: Numerous studies...` -> `Depression:`. A label is at most 6 words, starts with a
 * capital, holds no sentence punctuation or brackets (so it can never contain a citation), and is
 * followed by ": " and more text. Labels of 3+ words must also be title-cased; without that,
 * ordinary sentences such as "The results were clear: ..." would lose their first clause to a
 * bold lead-in.
 */
function runInLabel(text: string): string | null {
  const colon = text.indexOf(': ')
  if (colon <= 0 || colon > 80 || text.slice(colon + 1).trim() === '') return null
  const label = text.slice(0, colon)
  if (!/^\p{Lu}/u.test(label) || /[.!?;,:…()[\]{}"“”]/.test(label)) return null
  const words = label.split(/\s+/)
  if (words.length > 6) return null
  if (words.length > 2 && !words.slice(1).every((word) => MINOR_WORDS.has(word) || /^[\p{Lu}\p{N}]/u.test(word))) return null
  return `${label}:`
}

// JSON quoting shows invisible characters and stray quotes unambiguously; long text is shortened.
function quote(text: string): string {
  const chars = [...text]
  return JSON.stringify(chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : text)
}
