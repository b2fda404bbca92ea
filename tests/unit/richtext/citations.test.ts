import { describe, expect, it } from 'vitest'
import { CitationNumbering, citationIdOf, collectCitationIds, lexicalToHtml } from '@/richtext'
import { text, p, body } from '../../fixtures/lexical'

const cite = (citation: unknown) => ({
  type: 'inlineBlock',
  version: 1,
  fields: { id: '65f0c0ffee0000000000000a', blockType: 'citationRef', blockName: '', citation },
})

describe('citationIdOf', () => {
  it('reads a bare id, a populated document, and rejects everything else', () => {
    expect(citationIdOf(cite(7))).toBe(7)
    expect(citationIdOf(cite('abc'))).toBe('abc')
    expect(citationIdOf(cite({ id: 'def', label: 'X (2001)' }))).toBe('def')
    expect(citationIdOf(cite(null))).toBeNull()
    expect(citationIdOf(cite(''))).toBeNull()
    expect(citationIdOf(cite({ label: 'no id' }))).toBeNull()
    expect(citationIdOf({ type: 'inlineBlock', fields: { blockType: 'other', citation: 1 } })).toBeNull()
    expect(citationIdOf({ type: 'block', fields: { blockType: 'citationRef', citation: 1 } })).toBeNull()
    expect(citationIdOf(text('1'))).toBeNull()
  })
})

describe('collectCitationIds', () => {
  it('lists ids in order of first use across sections, deduplicated as strings', () => {
    const intro = body(p(text('A'), cite(2), text('B'), cite({ id: 9 })))
    const next = body(p(text('C'), cite('2'), cite(5)), {
      type: 'list',
      listType: 'bullet',
      children: [{ type: 'listitem', children: [cite(11)] }],
    })
    expect(collectCitationIds([intro, next])).toEqual([2, 9, 5, 11])
  })

  it('skips missing and malformed bodies', () => {
    const broken = { root: { type: 'root', children: [null, 3, 'x', { type: 'paragraph' }, p(cite(4))] } }
    expect(collectCitationIds([null, undefined, { root: null }, broken])).toEqual([4])
  })

  it('does not look inside leaf nodes the renderers ignore', () => {
    expect(collectCitationIds([body(p({ ...text('x'), children: [cite(1)] }))])).toEqual([])
  })
})

describe('CitationNumbering', () => {
  it('numbers from 1 in the given order and ignores unknown ids', () => {
    const numbering = new CitationNumbering([10, 'b', '10'])
    expect(numbering.number('10')).toBe(1)
    expect(numbering.number('b')).toBe(2)
    expect(numbering.number('gone')).toBeUndefined()
    expect(numbering.mark('gone')).toBeUndefined()
  })

  it('counts occurrences per article and records citedFrom', () => {
    const numbering = new CitationNumbering(['a', 'b'])
    expect(numbering.mark('b')).toEqual({ number: 2, markerId: 'cite-2-1' })
    expect(numbering.mark('a')).toEqual({ number: 1, markerId: 'cite-1-1' })
    expect(numbering.mark('b')).toEqual({ number: 2, markerId: 'cite-2-2' })
    expect(numbering.citedFrom('b')).toEqual(['cite-2-1', 'cite-2-2'])
    expect(numbering.citedFrom('a')).toEqual(['cite-1-1'])
    expect(numbering.citedFrom('never')).toEqual([])
  })
})

describe('an article with two sections', () => {
  it('renders the run-in label and markers numbered across sections', () => {
    const intro = body(
      p(
        text('Depression:', 1),
        text(' Numerous studies ... Zarate et al. (2006)'),
        cite('zarate'),
        text(' found that ...'),
      ),
    )
    const effects = body(
      p(text('Berman et al. (2000)'), cite({ id: 'berman' }), text(' and again Zarate'), cite('zarate')),
    )
    const numbering = new CitationNumbering(collectCitationIds([intro, effects]))

    expect(lexicalToHtml(intro, numbering)).toBe(
      '<p><strong class="run-in">Depression:</strong> Numerous studies ... Zarate et al. (2006)' +
        '<sup class="cite"><a id="cite-1-1" href="#ref-1" role="doc-noteref" aria-label="Reference 1">[1]</a></sup>' +
        ' found that ...</p>',
    )
    expect(lexicalToHtml(effects, numbering)).toBe(
      '<p>Berman et al. (2000)' +
        '<sup class="cite"><a id="cite-2-1" href="#ref-2" role="doc-noteref" aria-label="Reference 2">[2]</a></sup>' +
        ' and again Zarate' +
        '<sup class="cite"><a id="cite-1-2" href="#ref-1" role="doc-noteref" aria-label="Reference 1">[1]</a></sup></p>',
    )
    expect(numbering.citedFrom('zarate')).toEqual(['cite-1-1', 'cite-1-2'])
    expect(numbering.citedFrom('berman')).toEqual(['cite-2-1'])
  })

  it('renders nothing for a deleted citation and keeps the numbering of the others', () => {
    const section = body(p(text('Gone (1999)'), cite('deleted'), text(' kept'), cite('kept')))
    const existing = collectCitationIds([section]).filter((id) => id !== 'deleted')
    const numbering = new CitationNumbering(existing)
    expect(lexicalToHtml(section, numbering)).toBe(
      '<p>Gone (1999) kept' +
        '<sup class="cite"><a id="cite-1-1" href="#ref-1" role="doc-noteref" aria-label="Reference 1">[1]</a></sup></p>',
    )
    expect(numbering.citedFrom('deleted')).toEqual([])
  })
})

describe('collectCitationIds on a deep tree', () => {
  it('stops at the same depth as the renderers instead of overflowing the stack', () => {
    let node: unknown = cite(1)
    for (let i = 0; i < 100_000; i++) node = { type: 'mark', children: [node] }
    expect(collectCitationIds([body(p(cite(2)), node)])).toEqual([2])
  })
})
