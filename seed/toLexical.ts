/**
 * ParsedSection -> Lexical editor state, in exactly the node shapes of docs/lexical-shape.md.
 *
 * Output is deterministic: the same section and citation ids always give identical JSON, so a
 * re-run of the seed can compare before writing and leave unchanged sections alone.
 */
import { createHash } from 'node:crypto'
import type { ParsedSection } from './schema'

/** Payload ids: numbers on SQLite, ObjectId strings on MongoDB. */
export type CitationId = number | string

export interface LexicalTextNode {
  type: 'text'
  version: 1
  text: string
  /** Lexical's bit mask; the seed writes 0 (plain) and 1 (bold run-in label). */
  format: number
  detail: 0
  mode: 'normal'
  style: ''
}

export interface LexicalCitationRefNode {
  type: 'inlineBlock'
  version: 1
  fields: { id: string; blockType: 'citationRef'; blockName: ''; citation: CitationId }
}

export interface LexicalParagraphNode {
  type: 'paragraph'
  version: 1
  direction: 'ltr'
  format: ''
  indent: 0
  textFormat: 0
  textStyle: ''
  children: (LexicalTextNode | LexicalCitationRefNode)[]
}

export interface LexicalEditorState {
  root: { type: 'root'; version: 1; direction: 'ltr'; format: ''; indent: 0; children: LexicalParagraphNode[] }
}

const BLOCK_ID = /^[0-9a-f]{24}$/
const BOLD = 1

/**
 * @param citationIds database id for each citation key in the section; a missing key throws,
 *   because a reference to nothing would render as a broken marker.
 * @param newId id for each inline citation block (24 lowercase hex chars). By default derived from
 *   the section anchor, paragraph index and occurrence index: unique within an article (anchors
 *   are), identical on every run.
 */
export function sectionToLexical(
  section: ParsedSection,
  citationIds: ReadonlyMap<string, CitationId>,
  newId?: () => string,
): LexicalEditorState {
  const children = section.paragraphs.map((paragraph, p): LexicalParagraphNode => {
    let occurrence = 0
    const nodes: LexicalParagraphNode['children'] = []
    if (paragraph.label !== null) nodes.push(textNode(paragraph.label, BOLD))
    for (const inline of paragraph.inlines) {
      if (inline.type === 'text') {
        nodes.push(textNode(inline.text, 0))
        continue
      }
      const citation = citationIds.get(inline.key)
      if (citation === undefined) throw new Error(`sectionToLexical: no citation id for "${inline.key}" (section "${section.anchor}")`)
      const id = newId ? newId() : derivedId(section.anchor, p, occurrence)
      if (!BLOCK_ID.test(id)) throw new Error(`sectionToLexical: block id must be 24 lowercase hex characters, got ${JSON.stringify(id)}`)
      occurrence++
      nodes.push({ type: 'inlineBlock', version: 1, fields: { id, blockType: 'citationRef', blockName: '', citation } })
    }
    return { type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: nodes }
  })
  return { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } }
}

function textNode(text: string, format: number): LexicalTextNode {
  return { type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' }
}

function derivedId(anchor: string, paragraph: number, occurrence: number): string {
  return createHash('sha256').update(`${anchor}\0${paragraph}\0${occurrence}`).digest('hex').slice(0, 24)
}
