import { describe, expect, it } from 'vitest'
import { CitationNumbering, lexicalToHtml, safeHref } from '@/richtext'
import { text, p, li, body } from '../../fixtures/lexical'

const list = (listType: string, ...children: unknown[]) => ({ type: 'list', listType, children })
const link = (url: unknown, newTab = false, ...children: unknown[]) => ({
  type: 'link',
  fields: { url, newTab, linkType: 'custom' },
  children: children.length > 0 ? children : [text('here')],
})
const html = (...children: unknown[]) => lexicalToHtml(body(...children), new CitationNumbering([]))

describe('lexicalToHtml: text', () => {
  it('renders every format, nested in a fixed order', () => {
    expect(
      html(p(text('b', 1), text('i', 2), text('s', 4), text('u', 8), text('c', 16), text('lo', 32), text('hi', 64))),
    ).toBe('<p><strong>b</strong><em>i</em><s>s</s><u>u</u><code>c</code><sub>lo</sub><sup>hi</sup></p>')
    expect(html(p(text('all', 127)))).toBe(
      '<p><strong><em><s><u><code><sub><sup>all</sup></sub></code></u></s></em></strong></p>',
    )
    expect(html(p(text('x', 2 | 1)))).toBe('<p><strong><em>x</em></strong></p>')
  })

  it('marks a bold "Label:" opening a paragraph as run-in, and nothing else', () => {
    expect(html(p(text('Mania:', 3), text(' text')))).toBe(
      '<p><strong class="run-in"><em>Mania:</em></strong> text</p>',
    )
    expect(html(p(text('Note: ', 1), text('x')))).toBe('<p><strong class="run-in">Note: </strong>x</p>')
    expect(html(p(text('a '), text('Later:', 1)))).toBe('<p>a <strong>Later:</strong></p>')
    expect(html(p(text('No colon', 1)))).toBe('<p><strong>No colon</strong></p>')
    expect(html(p(text('Plain:')))).toBe('<p>Plain:</p>')
  })

  it('escapes markup in text', () => {
    expect(html(p(text('<script>alert(1)</script>')))).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
    expect(html(p(text('<img src=x onerror=alert(1)>', 1)))).toBe(
      '<p><strong>&lt;img src=x onerror=alert(1)&gt;</strong></p>',
    )
    expect(html(p(text(`Tom & "Jerry's" &amp; &#60;`)))).toBe(
      '<p>Tom &amp; &quot;Jerry&#39;s&quot; &amp;amp; &amp;#60;</p>',
    )
  })

  it('renders line breaks, tabs and rules', () => {
    expect(html(p(text('a'), { type: 'linebreak' }, { type: 'tab' }, text('b')), { type: 'horizontalrule' })).toBe(
      '<p>a<br>\tb</p><hr>',
    )
  })
})

describe('lexicalToHtml: blocks', () => {
  it('renders headings h2..h6 and demotes h1 and unknown tags to h2', () => {
    const heading = (tag: unknown) => ({ type: 'heading', tag, children: [text('T')] })
    expect(html(heading('h1'), heading('h2'), heading('h3'), heading('h6'), heading('h7'), heading(undefined))).toBe(
      '<h2>T</h2><h2>T</h2><h3>T</h3><h6>T</h6><h2>T</h2><h2>T</h2>',
    )
  })

  it('renders nested lists inside their parent item', () => {
    const nested = list('bullet', li(text('one')), li(list('number', li(text('1a')), li(text('1b')))), li(text('two')))
    expect(html(nested)).toBe('<ul><li>one<ol><li>1a</li><li>1b</li></ol></li><li>two</li></ul>')
    expect(html(list('check', li(text('x'))))).toBe('<ul><li>x</li></ul>')
    expect(html({ ...list('number', li(text('x'))), start: 3 })).toBe('<ol start="3"><li>x</li></ol>')
  })

  it('renders quotes and drops empty blocks', () => {
    const empty = [p(), p(text('')), { type: 'heading', tag: 'h2', children: [] }, { type: 'quote' }, list('bullet')]
    expect(html({ type: 'quote', children: [text('q')] }, ...empty)).toBe('<blockquote>q</blockquote>')
  })

  it('renders the children of unknown nodes and nothing of childless ones', () => {
    expect(html({ type: 'mark', ids: ['x'], children: [text('kept')] }, { type: 'upload', value: 1 })).toBe('kept')
    expect(html({ type: 'html', html: '<script>x</script>' }, { type: 'raw', value: '<b>x</b>', text: '<i>' })).toBe('')
    expect(html(p({ type: 'inlineBlock', fields: { blockType: 'video', url: 'x' } }))).toBe('')
  })

  it('renders an empty or missing root as an empty string', () => {
    expect(html()).toBe('')
    const numbering = new CitationNumbering([])
    expect(lexicalToHtml(null, numbering)).toBe('')
    expect(lexicalToHtml({ root: 'nope' }, numbering)).toBe('')
  })

  it('renders what it can of a malformed state without throwing', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          null,
          42,
          'string',
          [text('in an array')],
          { type: 'paragraph' },
          { type: 'paragraph', children: 'not an array' },
          { type: 'paragraph', children: [{ type: 'text' }, { type: 'text', text: 5, format: 'bold' }, text('ok')] },
          { type: 'list', children: [{ type: 'listitem' }, text('loose')] },
          { children: [text('no type')] },
          { type: 'heading', tag: 'h3' },
        ],
      },
    }
    expect(lexicalToHtml(state, new CitationNumbering([]))).toBe('<p>ok</p><ul><li></li><li>loose</li></ul>no type')
  })

  it('cuts off absurdly deep trees instead of overflowing the stack', () => {
    let node: unknown = text('deep')
    for (let i = 0; i < 100_000; i++) node = { type: 'mark', children: [node] }
    expect(html(p(text('top')), node)).toBe('<p>top</p>')
  })
})

describe('lexicalToHtml: links', () => {
  it('keeps safe links; rel on external ones, target only for newTab', () => {
    expect(html(p(link('https://example.com/a?b=1&c=2')))).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">here</a></p>',
    )
    expect(html(p(link('http://example.com', true)))).toBe(
      '<p><a href="http://example.com" rel="noopener noreferrer" target="_blank">here</a></p>',
    )
    expect(html(p(link('mailto:ed@example.com')))).toBe('<p><a href="mailto:ed@example.com">here</a></p>')
    expect(html(p(link('/articles/ketamine')))).toBe('<p><a href="/articles/ketamine">here</a></p>')
    expect(html(p(link('#ref-2')))).toBe('<p><a href="#ref-2">here</a></p>')
    expect(html(p(link('../up'), link('?q=1')))).toBe('<p><a href="../up">here</a><a href="?q=1">here</a></p>')
    expect(html(p(link('//cdn.example.com/x')))).toBe(
      '<p><a href="//cdn.example.com/x" rel="noopener noreferrer">here</a></p>',
    )
    expect(html(p(link('/local', true)))).toBe(
      '<p><a href="/local" rel="noopener noreferrer" target="_blank">here</a></p>',
    )
  })

  it('reads plain Lexical links (url and target on the node) and autolinks', () => {
    expect(html(p({ type: 'link', url: 'https://a.example', target: '_blank', children: [text('a')] }))).toBe(
      '<p><a href="https://a.example" rel="noopener noreferrer" target="_blank">a</a></p>',
    )
    expect(html(p({ type: 'autolink', fields: { url: 'https://b.example' }, children: [text('b')] }))).toBe(
      '<p><a href="https://b.example" rel="noopener noreferrer">b</a></p>',
    )
  })

  it('escapes quotes in an href', () => {
    expect(html(p(link('/x" onmouseover="alert(1)')))).toBe(
      '<p><a href="/x&quot; onmouseover=&quot;alert(1)">here</a></p>',
    )
  })

  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    'java\u200bscript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'www.example.com',
    '',
    42,
    undefined,
  ]
  it.each(hostile)('renders %j as the text of its children', (url) => {
    expect(html(p(link(url, true, text('<b>click</b>', 1))))).toBe('<p><strong>&lt;b&gt;click&lt;/b&gt;</strong></p>')
    expect(safeHref(url)).toBeNull()
  })

  it('never nests anchors', () => {
    const inner = link('https://inner.example', false, text('in'))
    const numbering = new CitationNumbering(['c'])
    const state = body(
      p(
        link('/outer', false, text('a '), inner, {
          type: 'inlineBlock',
          fields: { blockType: 'citationRef', citation: 'c' },
        }),
      ),
    )
    expect(lexicalToHtml(state, numbering)).toBe(
      '<p><a href="/outer">a in<sup class="cite" id="cite-1-1">[1]</sup></a></p>',
    )
    expect(numbering.citedFrom('c')).toEqual(['cite-1-1'])
  })
})

describe('lexicalToHtml: markers as labels (comparing versions)', () => {
  const marker = (citation: string) => ({ type: 'inlineBlock', fields: { id: `random-${citation}-${Math.random()}`, blockType: 'citationRef', citation } })

  it('writes each marker as its label, whatever its block id and position', () => {
    const labels: Record<string, string> = { a: 'Feder et al. (2014)', b: 'Zarate & Co <2006>' }
    const render = (...ids: string[]) =>
      lexicalToHtml(body(p(text('Text'), ...ids.map(marker))), new CitationNumbering(['a', 'b']), { citationLabel: (id) => labels[String(id)]! })
    expect(render('b', 'a')).toBe('<p>Text<sup class="cite">[Zarate &amp; Co &lt;2006&gt;]</sup><sup class="cite">[Feder et al. (2014)]</sup></p>')
    // A marker added in front renumbers nothing: the other marker's text is the same as before.
    expect(render('a', 'b')).toContain('<sup class="cite">[Zarate &amp; Co &lt;2006&gt;]</sup>')
  })
})
