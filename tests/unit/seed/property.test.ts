// parseDocument is total over strings: it returns a valid document or throws SeedError, never
// anything else, and never takes more than linear time (no regex backtracking blow-ups).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SeedError } from '../../../seed/errors'
import { parseDocument } from '../../../seed/parse'
import { ParsedDocument } from '../../../seed/schema'
import { reassemble, sourceParagraphs } from './helpers'

type Outcome = { ok: true; doc: ParsedDocument } | { ok: false; error: SeedError }

function outcome(text: string): Outcome {
  try {
    return { ok: true, doc: parseDocument(text, 'prop.txt') }
  } catch (error) {
    if (error instanceof SeedError) return { ok: false, error }
    throw error // anything else fails the property
  }
}

function assertTotal(text: string): Outcome {
  const result = outcome(text)
  if (result.ok) expect(ParsedDocument.safeParse(result.doc).success).toBe(true)
  else expect(result.error.message).toMatch(/^prop\.txt(:\d+)?: \S/)
  return result
}

// The spec's fragment rule, restated independently of the implementation.
const isFragment = (p: string) => [...p.replace(/\s+/g, '')].length <= 3 || !/\p{L}/u.test(p)

const word = fc.constantFrom('ketamine', 'the', 'Trial', 'in', 'of', 'dose', 'Smith', 'van der Berg', "O'Brien", 'Müller', 'COVID-19', 'WHO', 'et al.', 'and', '&', 'published in The Lancet', 'randomized controlled trial', 'meta-analysis', '<script>', 'x', '編集')
const year = fc.constantFrom('(2006)', '(2019a)', '(1750)', '(20199)', '2020', '(Smith, 2019)', '(Smith et al., 2019; Jones, 2020)', '(see Lee and Kim, 2018, 2019)', '(')
const token = fc.oneof(word, year, fc.constantFrom(':', '.', ',', ';', '?', ' ', '…', '"'))
const sentence = fc.array(token, { minLength: 1, maxLength: 14 }).map((t) => t.join(' '))
const paragraph = fc.oneof(
  sentence, // often heading-like
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => `${s.join('. ')}.`),
  fc.tuple(fc.constantFrom('Depression', 'PTSD and Trauma', 'The results were', 'a b'), sentence).map(([l, s]) => `${l}: ${s}.`),
  fc.constantFrom('---', '42', '編 集', '***', ''),
  fc.array(sentence, { minLength: 2, maxLength: 3 }).map((s) => s.join('\n')), // hard-wrapped
)
const separator = fc.constantFrom('\n\n', '\n\n\n', '\n \t\n', '\r\n\r\n')
const document = fc.tuple(fc.array(paragraph, { maxLength: 12 }), separator, fc.boolean()).map(([ps, sep, bom]) => (bom ? '\uFEFF' : '') + ps.join(sep))

describe('parseDocument is total', () => {
  it.each([
    ['default strings', fc.string()],
    ['any code points', fc.string({ unit: 'binary', maxLength: 400 })],
    ['graphemes', fc.string({ unit: 'grapheme', maxLength: 200 })],
  ])('over %s', (_, strings) => {
    fc.assert(fc.property(strings, (text) => void assertTotal(text)), { numRuns: 500 })
  })

  it('over documents built from the shape, losing no paragraph but fragments', () => {
    fc.assert(
      fc.property(document, (text) => {
        const result = assertTotal(text)
        if (!result.ok) return
        const paragraphs = sourceParagraphs(text)
        expect(reassemble(result.doc)).toEqual(paragraphs.filter((p) => !isFragment(p)))
        expect(result.doc.warnings.filter((w) => w.message.startsWith('fragment ')).length).toBe(paragraphs.filter(isFragment).length)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('linear time on hostile input', () => {
  const MB = 1_000_000
  it.each([
    ['capitalised words', 'Aa '.repeat(MB / 3)],
    ['one long word', `Title\n\n${'Ab'.repeat(MB / 2)}.`],
    ['author lists without a year', `Title\n\n${'Smith, '.repeat(MB / 7)}and Jones (20`],
    ['unclosed parentheses', `Title\n\n${'(Smith et al., 2019; '.repeat(MB / 20)}`],
    ['particles', `Title\n\n${'van der '.repeat(MB / 8)}Berg (2019).`],
    ['dots', `Title\n\n${'e.g. '.repeat(MB / 5)}`],
    ['punctuation runs', `Title\n\n${'.?!…'.repeat(MB / 4)} A`],
    ['journal-like names', `Title\n\nSmith (2019) published in the ${'Journal of '.repeat(MB / 11)}`],
    ['colons', `Title\n\n${'Label: '.repeat(MB / 7)}`],
    ['many short paragraphs', `Title\n\n${'Heading Line\n\nBody text (Smith, 2019).\n\n'.repeat(MB / 40)}`],
    ['one hard-wrapped paragraph', `Title\n\n${'Smith (2019) wrote\n'.repeat(MB / 19)}`],
    ['many cited sentences in one paragraph', `Title\n\n${'Smith (2019) wrote in The Lancet. '.repeat(MB / 34)}`],
    ['many distinct citations', `Title\n\n${Array.from({ length: 30_000 }, (_, i) => `Au${i.toString(36).replace(/\d/g, 'x')} (${1900 + (i % 200)}).`).join(' ')}`],
  ])('%s', (_, text) => {
    // CPU time of this worker process, not wall time: other processes on a busy machine stretch the
    // wall clock but not the work done here. Measured on 2 cores shared with a CPU burner and other
    // test runs: the largest case took up to 11 s of wall time and at most 1.5 s of CPU. A
    // backtracking blow-up on 1 MB would take minutes of CPU, so 5 s of it still tells them apart.
    const started = process.cpuUsage()
    assertTotal(text)
    const { user, system } = process.cpuUsage(started)
    expect((user + system) / 1000).toBeLessThan(5000)
  })
})
