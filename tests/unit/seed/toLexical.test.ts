import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../seed/parse'
import type { ParsedSection } from '../../../seed/schema'
import { readSourceDocument } from '../../../seed/source'
import { sectionToLexical, type CitationId } from '../../../seed/toLexical'

const text = (t: string, format = 0) => ({ type: 'text', version: 1, text: t, format, detail: 0, mode: 'normal', style: '' })
const ref = (id: string, citation: CitationId) => ({ type: 'inlineBlock', version: 1, fields: { id, blockType: 'citationRef', blockName: '', citation } })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children })
const root = (...children: unknown[]) => ({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children } })

const section: ParsedSection = {
  heading: 'Findings',
  anchor: 'findings',
  line: 5,
  paragraphs: [
    { line: 7, label: 'Depression:', inlines: [{ type: 'text', text: ' Zarate et al. (2006)' }, { type: 'citation', key: 'zarate-2006' }, { type: 'text', text: ' found <script>alert(1)</script>.' }] },
    { line: 9, label: null, inlines: [{ type: 'text', text: 'Twice (Smith, 2019' }, { type: 'citation', key: 'smith-2019' }, { type: 'text', text: '; Smith, 2020' }, { type: 'citation', key: 'smith-2020' }, { type: 'text', text: ').' }] },
  ],
}
const ids = new Map<string, CitationId>([['zarate-2006', 12], ['smith-2019', '65f0c0ffee0000000000000a'], ['smith-2020', 13]])

describe('sectionToLexical', () => {
  it('produces exactly the documented node shapes, with ids from newId', () => {
    let n = 0
    const newId = () => (++n).toString(16).padStart(24, '0')
    expect(sectionToLexical(section, ids, newId)).toEqual(
      root(
        paragraph(text('Depression:', 1), text(' Zarate et al. (2006)'), ref('000000000000000000000001', 12), text(' found <script>alert(1)</script>.')),
        paragraph(text('Twice (Smith, 2019'), ref('000000000000000000000002', '65f0c0ffee0000000000000a'), text('; Smith, 2020'), ref('000000000000000000000003', 13), text(').')),
      ),
    )
  })

  it('derives the same 24-hex ids on every run by default, distinct within the section', () => {
    const first = sectionToLexical(section, ids)
    expect(JSON.stringify(sectionToLexical(section, ids))).toBe(JSON.stringify(first))
    const blockIds = JSON.stringify(first).match(/"id":"[^"]*"/g) ?? []
    expect(blockIds).toHaveLength(3)
    expect(new Set(blockIds).size).toBe(3)
    for (const id of blockIds) expect(id).toMatch(/^"id":"[0-9a-f]{24}"$/)
    expect(JSON.stringify(sectionToLexical({ ...section, anchor: 'other' }, ids))).not.toBe(JSON.stringify(first))
  })

  it('refuses a missing citation id and a malformed block id', () => {
    expect(() => sectionToLexical(section, new Map())).toThrow('sectionToLexical: no citation id for "zarate-2006" (section "findings")')
    expect(() => sectionToLexical(section, ids, () => 'ABC')).toThrow('sectionToLexical: block id must be 24 lowercase hex characters, got "ABC"')
  })

  it('turns the bundled document into unique block ids across the whole article', async () => {
    const { file, text: source } = await readSourceDocument('seed/documents/ketamine.txt')
    const doc = parseDocument(source, file)
    const citationIds = new Map(doc.citations.map((c, i): [string, CitationId] => [c.key, i + 1]))
    const states = doc.sections.map((s) => sectionToLexical(s, citationIds))
    const depression = states[2]?.root.children[1]
    expect(depression?.children.map((c) => (c.type === 'text' ? [c.format, c.text.slice(0, 12)] : c.fields.citation))).toEqual([
      [1, 'Depression:'],
      [0, ' Numerous st'],
      1,
      [0, ' found that '],
    ])
    const blockIds = states.flatMap((s) => s.root.children.flatMap((p) => p.children.flatMap((c) => (c.type === 'inlineBlock' ? [c.fields.id] : []))))
    expect(blockIds).toHaveLength(3)
    expect(new Set(blockIds).size).toBe(3)
  })
})
