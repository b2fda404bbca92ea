// The bundled document, end to end through the pure half of the seed.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../seed/parse'
import { readSourceDocument } from '../../../seed/source'
import { reassemble, sourceParagraphs } from './helpers'

const FILE = 'seed/documents/ketamine.txt'
const { text } = await readSourceDocument(FILE)
const doc = parseDocument(text, FILE)

describe('ketamine.txt', () => {
  it('has the publication, title, slug and a summary cut at a sentence end', () => {
    expect(doc.publication).toBe('Tripsitter Psychedelics')
    expect(doc.title).toBe('Ketamine: A Promising Breakthrough in Mental Health Treatment')
    expect(doc.slug).toBe('ketamine-a-promising-breakthrough-in-mental-health-treatment')
    // The first two sentences together pass 300 characters, so only the first is kept.
    expect(doc.summary).toBe('In recent years, the field of mental health has witnessed a paradigm shift with the emergence of ketamine as a potential game-changer.')
  })

  it('has the introduction and four headed sections, in order', () => {
    expect(doc.sections.map((s) => [s.heading, s.anchor, s.line, s.paragraphs.length])).toEqual([
      [null, 'introduction', 6, 1],
      ['Understanding the Mechanisms of Ketamine', 'understanding-the-mechanisms-of-ketamine', 8, 1],
      ['Clinical Efficacy: Hope for Treatment-Resistant Conditions', 'clinical-efficacy-hope-for-treatment-resistant-conditions', 12, 4],
      ['Addressing Challenges and Seeking Improvements', 'addressing-challenges-and-seeking-improvements', 22, 4],
      ['The Way Forward: Toward a Promising Future', 'the-way-forward-toward-a-promising-future', 32, 1],
    ])
  })

  it('finds the run-in labels, colon included, and nothing else', () => {
    const labels = doc.sections.flatMap((s) => s.paragraphs.map((p) => p.label)).filter((l) => l !== null)
    expect(labels).toEqual([
      'Depression:',
      'PTSD and Trauma-Related Conditions:',
      'Suicidal Ideation:',
      'Long-Term Efficacy:',
      'Standardization of Protocols:',
      'Public Perception and Misuse:',
    ])
  })

  it('has exactly three citations with venue and study type from their sentences', () => {
    expect(doc.citations).toEqual([
      { key: 'zarate-2006', label: 'Zarate et al. (2006)', authors: 'Zarate et al.', firstAuthor: 'Zarate', year: 2006, yearSuffix: null, journal: 'American Journal of Psychiatry', studyType: 'randomized controlled trial', line: 16 },
      { key: 'feder-2014', label: 'Feder et al. (2014)', authors: 'Feder et al.', firstAuthor: 'Feder', year: 2014, yearSuffix: null, journal: null, studyType: null, line: 18 },
      { key: 'caddy-2015', label: 'Caddy et al. (2015)', authors: 'Caddy et al.', firstAuthor: 'Caddy', year: 2015, yearSuffix: null, journal: null, studyType: 'systematic review and meta-analysis', line: 20 },
    ])
  })

  it('puts each citation reference right after its printed label', () => {
    const [before, ref, after] = doc.sections[2]?.paragraphs[1]?.inlines ?? []
    expect(before?.type === 'text' && before.text.endsWith('published in the American Journal of Psychiatry, Zarate et al. (2006)')).toBe(true)
    expect(ref).toEqual({ type: 'citation', key: 'zarate-2006' })
    expect(after?.type === 'text' && after.text.startsWith(' found that a single')).toBe(true)
  })

  it('warns about the stray CJK fragment on the last line (36: the file starts with a blank line)', () => {
    expect(doc.warnings).toEqual([{ line: 36, message: 'fragment "編 集" is not prose; left out of the article' }])
    expect(readFileSync(FILE, 'utf8').split('\n')[35]).toBe('編 集')
  })

  it('round trip: every source paragraph appears exactly once, in order, except the fragment', () => {
    const expected = sourceParagraphs(readFileSync(FILE, 'utf8')).filter((p) => p !== '編 集')
    expect(reassemble(doc)).toEqual(expected)
  })
})
