// A second document of the same shape, written for these tests, so the parser is not tuned to one file.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../seed/parse'
import { readSourceDocument } from '../../../seed/source'
import { reassemble, sourceParagraphs } from './helpers'

const FILE = 'seed/documents/psilocybin-sample.txt'
const doc = parseDocument((await readSourceDocument(FILE)).text, FILE)

describe('psilocybin-sample.txt', () => {
  it('has the publication, title, slug and summary', () => {
    expect(doc.publication).toBe('Tripsitter Psychedelics')
    expect(doc.title).toBe('Psilocybin: What the Clinical Research Says So Far')
    expect(doc.slug).toBe('psilocybin-what-the-clinical-research-says-so-far')
    expect(doc.summary).toBe(
      'Psilocybin is the compound that gives so-called magic mushrooms their effects. After decades in which research stalled, it is again being studied in hospitals and universities as a possible treatment for depression and for the distress that can come with serious illness.',
    )
  })

  it('has the introduction, three headed sections and the run-in labels', () => {
    expect(doc.sections.map((s) => [s.heading, s.anchor, s.paragraphs.map((p) => p.label)])).toEqual([
      [null, 'introduction', [null]],
      ['How Psilocybin Works', 'how-psilocybin-works', [null]],
      ['What the Trials Found', 'what-the-trials-found', ['Depression:', 'Cancer-Related Distress:']],
      ['What We Still Do Not Know', 'what-we-still-do-not-know', ['Small Samples:', 'Safety Outside the Clinic:']],
    ])
  })

  it('has four citations from narrative, two-author and parenthetical forms', () => {
    expect(doc.citations.map(({ key, label, authors, journal, studyType, line }) => ({ key, label, authors, journal, studyType, line }))).toEqual([
      { key: 'vollenweider-2010', label: 'Vollenweider and Kometer (2010)', authors: 'Vollenweider and Kometer', journal: null, studyType: null, line: 9 },
      { key: 'carhart-harris-2016', label: 'Carhart-Harris et al. (2016)', authors: 'Carhart-Harris et al.', journal: 'The Lancet Psychiatry', studyType: 'open-label trial', line: 13 },
      { key: 'griffiths-2016', label: 'Griffiths et al., 2016', authors: 'Griffiths et al.', journal: null, studyType: null, line: 15 },
      { key: 'ross-2016', label: 'Ross et al., 2016', authors: 'Ross et al.', journal: null, studyType: null, line: 15 },
    ])
    expect(doc.warnings).toEqual([])
  })

  it('cites Carhart-Harris twice and places both works of one parenthesis inside it', () => {
    const [depression, cancer] = doc.sections[2]?.paragraphs ?? []
    expect(depression?.inlines.filter((i) => i.type === 'citation')).toEqual([
      { type: 'citation', key: 'carhart-harris-2016' },
      { type: 'citation', key: 'carhart-harris-2016' },
    ])
    expect(cancer?.inlines.map((i) => (i.type === 'text' ? i.text : { ref: i.key }))).toEqual([
      expect.stringMatching(/ months afterwards \(Griffiths et al\., 2016$/),
      { ref: 'griffiths-2016' },
      '; Ross et al., 2016',
      { ref: 'ross-2016' },
      ').',
    ])
  })

  it('round trip: every source paragraph appears exactly once, in order', () => {
    expect(reassemble(doc)).toEqual(sourceParagraphs(readFileSync(FILE, 'utf8')))
  })
})
