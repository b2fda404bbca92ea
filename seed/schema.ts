/**
 * The intermediate form between a source document and the CMS: what `parseDocument` returns and
 * what the database half of the seed consumes.
 *
 * Choices that differ from a first sketch, and why:
 * - `label` on a paragraph keeps its colon ("Depression:"), so `label + text inlines` is exactly the
 *   source paragraph and the Lexical bold node can use it unchanged.
 * - `yearSuffix` is `string | null`, not optional, like `journal` and `studyType`: the CMS stores
 *   null for "absent", and one convention is easier to map than two.
 * - `studyType` is one of `STUDY_TYPES` (canonical spelling, "randomised" folds to "randomized"),
 *   the list the CMS select field is built from.
 * - A citation `key` is `<first author, lowercased, spaces as hyphens>-<year><suffix>`, e.g.
 *   `zarate-2006`, `van-der-berg-2019a`: stable across re-seeds, usable as a natural key.
 */
import { z } from 'zod'
import { SourceRecord } from '../src/citations/record'
import { STUDY_TYPES } from '../src/text/studyTypes'

// One list for the seed and the CMS select field, most specific first (see src/text/studyTypes.ts).
export { STUDY_TYPES }
export const StudyType = z.enum(STUDY_TYPES)
export type StudyType = z.infer<typeof StudyType>

const Line = z.int().min(1).describe('1-based line in the source file')
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const CitationKey = z.string().regex(/^\S+-\d{4}[a-z]?$/)

export const Inline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1) }),
  z.object({ type: z.literal('citation'), key: CitationKey }),
])
export type Inline = z.infer<typeof Inline>

export const ParsedParagraph = z.object({
  line: Line,
  label: z.string().regex(/^\S[^\n]*:$/).nullable().describe('Run-in subheading with its colon, e.g. "Depression:"'),
  inlines: z.array(Inline).min(1),
})
export type ParsedParagraph = z.infer<typeof ParsedParagraph>

export const ParsedSection = z.object({
  heading: z.string().min(1).nullable().describe('null for the introduction'),
  anchor: z.string().regex(KEBAB),
  line: Line.describe('Line of the heading, or of the first paragraph for the introduction'),
  paragraphs: z.array(ParsedParagraph).min(1),
})
export type ParsedSection = z.infer<typeof ParsedSection>

export const ParsedCitation = z.object({
  key: CitationKey,
  label: z.string().min(1).describe('As first printed: "Zarate et al. (2006)" or "Smith et al., 2019"'),
  authors: z.string().min(1).describe('"Zarate et al.", "Smith and Jones"'),
  firstAuthor: z.string().min(1),
  year: z.int().min(1800).max(2099),
  yearSuffix: z.string().regex(/^[a-z]$/).nullable(),
  journal: z.string().min(1).nullable(),
  studyType: StudyType.nullable(),
  line: Line.describe('Line of the first mention'),
  source: SourceRecord.optional().describe('The bibliographic record from the metadata file next to the document, if any'),
})
export type ParsedCitation = z.infer<typeof ParsedCitation>

/** A person from the optional `By:` line: "Ann Lee, MD" -> name "Ann Lee", credentials "MD". */
export const ParsedPerson = z.object({
  name: z.string().min(1).max(120),
  credentials: z.string().min(1).max(120).nullable(),
})
export type ParsedPerson = z.infer<typeof ParsedPerson>

export const SeedWarning = z.object({ line: Line, message: z.string().min(1) })
export type SeedWarning = z.infer<typeof SeedWarning>

export const ParsedDocument = z
  .object({
    file: z.string(),
    publication: z.string().min(1).nullable(),
    title: z.string().min(1),
    slug: z.string().regex(KEBAB),
    authors: z.array(ParsedPerson).describe('From the optional `By:` line after the title; empty without one'),
    summary: z.string().min(1).max(300),
    sections: z.array(ParsedSection).min(1),
    citations: z.array(ParsedCitation),
    warnings: z.array(SeedWarning),
  })
  .superRefine((doc, ctx) => {
    const anchors = new Set<string>()
    doc.sections.forEach((section, i) => {
      if (anchors.has(section.anchor)) ctx.addIssue({ code: 'custom', message: `duplicate anchor ${section.anchor}`, path: ['sections', i, 'anchor'] })
      anchors.add(section.anchor)
      if (section.heading === null && i > 0) ctx.addIssue({ code: 'custom', message: 'only the first section may be the introduction', path: ['sections', i, 'heading'] })
    })
    const keys = new Set(doc.citations.map((c) => c.key))
    if (keys.size !== doc.citations.length) ctx.addIssue({ code: 'custom', message: 'duplicate citation key', path: ['citations'] })
    const cited = new Set<string>()
    for (const section of doc.sections)
      for (const paragraph of section.paragraphs)
        for (const inline of paragraph.inlines) if (inline.type === 'citation') cited.add(inline.key)
    for (const key of cited) if (!keys.has(key)) ctx.addIssue({ code: 'custom', message: `unknown citation ${key}`, path: ['sections'] })
    for (const key of keys) if (!cited.has(key)) ctx.addIssue({ code: 'custom', message: `citation ${key} is never cited`, path: ['citations'] })
  })
export type ParsedDocument = z.infer<typeof ParsedDocument>
