import { describe, expect, it } from 'vitest'
import { lexicalToText } from '@/richtext'
import { text, p, li, body } from '../../fixtures/lexical'

const cite = (citation: unknown) => ({
  type: 'inlineBlock',
  version: 1,
  fields: { blockType: 'citationRef', citation },
})
const list = (...children: unknown[]) => ({ type: 'list', listType: 'bullet', children })

describe('lexicalToText', () => {
  it('keeps a paragraph as the exact concatenation of its text nodes, without citation markers', () => {
    const [label, lead, tail] = ['Depression:', ' Numerous studies ... Zarate et al. (2006)', ' found that  <b>&amp; ']
    const paragraph = p(text(label, 1), text(lead), cite('z'), text(tail, 2), text(''))
    expect(lexicalToText(body(paragraph))).toBe(label + lead + tail)
  })

  it('separates blocks by a blank line and list items by a newline', () => {
    const state = body(
      { type: 'heading', tag: 'h2', children: [text('Effects')] },
      p(text('one'), { type: 'linebreak' }, text('two'), { type: 'tab' }, text('x')),
      list(li(text('a')), li(list(li(text('a1')), li(text('a2')))), li(text('b'))),
      { type: 'horizontalrule' },
      {
        type: 'quote',
        children: [text('quoted '), { type: 'link', fields: { url: 'javascript:x' }, children: [text('link')] }],
      },
      p(),
      p(text('end')),
    )
    expect(lexicalToText(state)).toBe('Effects\n\none\ntwo\tx\n\na\na1\na2\nb\n\nquoted link\n\nend')
  })

  it('keeps the text of unknown nodes and skips childless ones', () => {
    const state = body(p(text('a'), { type: 'mark', children: [text('b')] }, { type: 'upload' }, text('c')), {
      type: 'layout',
      children: [p(text('d')), p(text('e'))],
    })
    expect(lexicalToText(state)).toBe('abc\n\nd\n\ne')
  })

  it('returns what it can of empty and malformed states', () => {
    expect(lexicalToText(body())).toBe('')
    expect(lexicalToText(null)).toBe('')
    expect(lexicalToText({ root: 7 })).toBe('')
    const broken = {
      root: {
        type: 'root',
        children: [null, 1, { type: 'paragraph' }, { type: 'paragraph', children: [{ type: 'text' }, text('ok')] }],
      },
    }
    expect(lexicalToText(broken)).toBe('ok')
  })

  it('cuts off absurdly deep trees instead of overflowing the stack', () => {
    let node: unknown = text('deep')
    for (let i = 0; i < 100_000; i++) node = { type: 'mark', children: [node] }
    expect(lexicalToText(body(p(text('top')), node))).toBe('top')
  })
})
