import { describe, expect, it } from 'vitest'
import { SeedError } from '../../../seed/errors'
import { parseDocument } from '../../../seed/parse'
import { joinParagraph, reassemble, sourceParagraphs } from './helpers'

const parse = (text: string) => parseDocument(text, 'seed/documents/x.txt')

function parseError(text: string): SeedError {
  try {
    parse(text)
  } catch (error) {
    if (error instanceof SeedError) return error
    throw error
  }
  throw new Error('expected a SeedError')
}

describe('the optional By: line', () => {
  it('reads people and credentials after the title, and keeps the line out of the text', () => {
    const doc = parse('On Sleep\nBy: Ann Lee, MD, PhD; Ben Ode\n\nSleep matters. It really does.\n')
    expect(doc.authors).toEqual([{ name: 'Ann Lee', credentials: 'MD, PhD' }, { name: 'Ben Ode', credentials: null }])
    expect([doc.publication, doc.title]).toEqual([null, 'On Sleep'])
    expect(JSON.stringify(doc.sections)).not.toContain('Ann Lee')
  })

  it('reads it after a publication line and a title', () => {
    const doc = parse('Tripsitter Psychedelics\n\nOn Sleep\n\nBy: Ann Lee\n\nSleep matters.\n')
    expect([doc.publication, doc.title, doc.authors]).toEqual(['Tripsitter Psychedelics', 'On Sleep', [{ name: 'Ann Lee', credentials: null }]])
  })

  it('leaves a document without one as it was: no authors', () => {
    const doc = parse('On Sleep\n\nSleep matters. It really does.\n')
    expect(doc.authors).toEqual([])
  })

  it('refuses a By: line that names nobody, with its line', () => {
    const error = parseError('On Sleep\n\nBy: ;\n\nSleep matters.\n')
    expect(error.line).toBe(3)
    expect(error.message).toContain('By: line names nobody')
  })
})

describe('title and publication', () => {
  it('reads two heading-like first paragraphs as publication + title', () => {
    const doc = parse('\n\n\nTripsitter Psychedelics\n\nOn Sleep\n\nSleep matters.\n')
    expect([doc.publication, doc.title, doc.slug]).toEqual(['Tripsitter Psychedelics', 'On Sleep', 'on-sleep'])
  })

  it('reads a single heading-like first paragraph as the title, with no publication', () => {
    const doc = parse('On Sleep\n\nSleep matters. It really does.\n')
    expect([doc.publication, doc.title]).toEqual([null, 'On Sleep'])
    expect(doc.sections).toEqual([{ heading: null, anchor: 'introduction', line: 3, paragraphs: [{ line: 3, label: null, inlines: [{ type: 'text', text: 'Sleep matters. It really does.' }] }] }])
  })

  it('folds accents in the slug and refuses a title with nothing to slug', () => {
    expect(parse('Café Society: Über Koffein\n\nText here.').slug).toBe('cafe-society-uber-koffein')
    expect(parseError('睡眠について\n\nText here.').message).toBe('seed/documents/x.txt:1: title "睡眠について" has no Latin letters or digits to make a slug from')
  })

  it('accepts CRLF and a BOM passed straight to parseDocument', () => {
    const lf = 'Pub Name\n\nTitle Here\n\nIntro.\nWrapped line.\n\nA Heading\n\nBody (Smith, 2019).\n'
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`
    expect(parse(crlf)).toEqual(parse(lf))
  })

  it('reports a NUL character with its line', () => {
    expect(parseError('Title\n\nText\0.').message).toBe('seed/documents/x.txt:3: binary content (NUL byte); expected UTF-8 text')
  })
})

describe('paragraphs and headings', () => {
  it('splits on one or more blank (or whitespace-only) lines and joins wrapped lines with a space', () => {
    const doc = parse('Title\n\n\n  First line\nsecond line.  \n \t \n\n\nNext paragraph.\n')
    expect(doc.sections[0]?.paragraphs.map((p) => [p.line, joinParagraph(p)])).toEqual([
      [4, 'First line second line.'],
      [9, 'Next paragraph.'],
    ])
  })

  it('treats a short single line without closing punctuation as a heading', () => {
    const headingLike = ['Risks', 'Clinical Efficacy: Hope for Treatment-Resistant Conditions', 'x'.repeat(97) + ' ab', 'w '.repeat(13) + 'w', 'Ketamine (Esketamine)']
    for (const line of headingLike) expect(parse(`Title\n\nIntro.\n\n${line}\n\nBody.`).sections[1]?.heading).toBe(line)
  })

  it.each([
    ['too long', 'x'.repeat(98) + ' ab'],
    ['too many words', 'w '.repeat(14) + 'w'],
    ...['.', '!', '?', ';', ',', ':', '…', '."', '?”', '.)'].map((end) => [`ends with ${end}`, `Is This a Heading${end}`]),
  ])('is prose when %s', (_, line) => {
    const doc = parse(`Title\n\nIntro.\n\n${line}\n\nBody.`)
    expect(doc.sections.map((s) => s.heading)).toEqual([null])
    expect(joinParagraph(doc.sections[0]?.paragraphs[1] ?? { line: 1, label: null, inlines: [] })).toBe(line)
  })

  it('never takes a wrapped paragraph for a heading', () => {
    const doc = parse('Title\n\nIntro.\n\nShort line\nanother short line\n\nBody.')
    expect(doc.sections).toHaveLength(1)
  })

  it('makes unique kebab-case anchors and keeps "introduction" for the introduction', () => {
    const doc = parse(['Title', 'Intro.', 'Introduction', 'Body a.', 'Risks & Benefits', 'Body b.', 'Risks: Benefits', 'Body c.', '睡眠について', 'Body d.', '効果について', 'Body e.'].join('\n\n'))
    expect(doc.sections.map((s) => s.anchor)).toEqual(['introduction', 'introduction-2', 'risks-benefits', 'risks-benefits-2', 'section', 'section-2'])
  })

  it('has no introduction section when a heading follows the title directly', () => {
    const doc = parse('Pub Name\n\nTitle Here\n\nFirst Heading\n\nFirst body. More.\n')
    expect(doc.sections.map((s) => [s.heading, s.anchor])).toEqual([['First Heading', 'first-heading']])
    expect(doc.summary).toBe('First body. More.')
  })
})

describe('fragments', () => {
  it('warns about each fragment with its line and leaves it out; nothing else goes missing', () => {
    const text = 'Title\n\n---\n\nIntro.\n\n***\n\nA Heading\n\n42\n\nBody text.\n\nOK.\n\n編集\n\n  a b c  \n\n€ 100 %\n\nOkay.'
    const doc = parse(text)
    expect(doc.warnings).toEqual([
      { line: 3, message: 'fragment "---" is not prose; left out of the article' },
      { line: 7, message: 'fragment "***" is not prose; left out of the article' },
      { line: 11, message: 'fragment "42" is not prose; left out of the article' },
      { line: 15, message: 'fragment "OK." is not prose; left out of the article' },
      { line: 17, message: 'fragment "編集" is not prose; left out of the article' },
      { line: 19, message: 'fragment "a b c" is not prose; left out of the article' },
      { line: 21, message: 'fragment "€ 100 %" is not prose; left out of the article' },
    ])
    expect(reassemble(doc)).toEqual(['Title', 'Intro.', 'A Heading', 'Body text.', 'Okay.'])
    expect(sourceParagraphs(text)).toHaveLength(5 + doc.warnings.length)
  })

  it('shortens a long fragment in the message', () => {
    const doc = parse(`Title\n\nIntro.\n\n${'-'.repeat(200)}`)
    expect(doc.warnings[0]?.message).toBe(`fragment "${'-'.repeat(57)}..." is not prose; left out of the article`)
  })
})

describe('run-in labels', () => {
  const labelOf = (paragraph: string) => {
    const p = parse(`Title\n\nIntro.\n\n${paragraph}`).sections[0]?.paragraphs[1]
    expect(p && joinParagraph(p)).toBe(paragraph) // label + text is always the paragraph
    return p?.label
  }

  it.each([
    ['Depression: Numerous studies exist.', 'Depression:'],
    ['PTSD and Trauma-Related Conditions: Ketamine helps.', 'PTSD and Trauma-Related Conditions:'],
    ['Side effects: Nausea is common.', 'Side effects:'],
    ['Step 2 of the Protocol: Rest.', 'Step 2 of the Protocol:'],
    ["Ketamine's Risks: Few are known.", "Ketamine's Risks:"],
  ])('%s', (paragraph, label) => expect(labelOf(paragraph)).toBe(label))

  it.each([
    'The results were clear: ketamine works.',
    'however: this starts in lowercase.',
    'One Two Three Four Five Six Seven: too many words.',
    'Smith, Jones: a comma inside.',
    'Dose (mg): brackets inside.',
    'Note:no space after the colon.',
    'At 10:30 the clinic opens.',
    'Is it safe? Maybe: nobody knows.',
  ])('no label in %s', (paragraph) => expect(labelOf(paragraph)).toBeNull())
})

describe('summary', () => {
  it('takes whole sentences up to 300 characters, not splitting at "et al." or "Dr."', () => {
    const s1 = 'Dr. Lee and Zarate et al. (2006) studied this.'
    const s2 = 'It was short.'
    const long = `Word ${'word '.repeat(59).trim()}.`
    const doc = parse(`Title\n\n${s1} ${s2} ${long}`)
    expect(doc.summary).toBe(`${s1} ${s2}`)
  })

  it('cuts a first sentence longer than 300 characters at a word, with an ellipsis', () => {
    const doc = parse(`Title\n\n${'abcdefghi, '.repeat(40)}end.`)
    expect(doc.summary.length).toBeLessThanOrEqual(300)
    expect(doc.summary).toBe(`${'abcdefghi, '.repeat(27).replace(/, $/, '')}…`)
  })
})

describe('text is text', () => {
  it('keeps HTML and script tags literally, in headings and paragraphs', () => {
    const paragraph = 'Beware <script>alert("x")</script> &amp; <b>bold</b> claims.'
    const doc = parse(`Title <i>here</i>\n\nIntro.\n\n<h1>Heading</h1> &lt;b&gt; Tags\n\n${paragraph}`)
    expect(doc.title).toBe('Title <i>here</i>')
    expect(doc.sections[1]?.heading).toBe('<h1>Heading</h1> &lt;b&gt; Tags')
    expect(doc.sections[1]?.paragraphs[0]?.inlines).toEqual([{ type: 'text', text: paragraph }])
  })
})
