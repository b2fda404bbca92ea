import { describe, expect, it } from 'vitest'
import { textChanges, type TextDiffRow } from '../../../collections/Articles/text/textChanges'
import { body, p, text } from '../../fixtures/lexical'

const row = (section: string, heading: string, words = heading): TextDiffRow => ({ id: `row-${section}`, section, heading, body: body(p(text(words))) as TextDiffRow['body'] })
const labels = (before: TextDiffRow[], after: TextDiffRow[]) => textChanges(before, after).map((c) => c.label)

describe('textChanges: an article compared section by section', () => {
  const a = row('1', '')
  const b = row('2', 'Mechanisms')
  const c = row('3', 'Efficacy')
  const d = row('4', 'Challenges')

  it('reports nothing for the same text', () => {
    expect(labels([a, b, c], [a, b, c])).toEqual([])
  })

  it('matches sections by their document, so an insertion marks only the new section', () => {
    expect(labels([a, b, c], [a, row('9', 'Safety'), b, c])).toEqual(['Safety: added'])
  })

  it('names a changed, a removed and an unnamed section', () => {
    expect(labels([a, b, c, d], [{ ...a, body: row('1', '', 'edited').body }, b, { ...c, heading: 'Efficacy today' }])).toEqual([
      'Introduction: changed',
      'Efficacy today: changed',
      'Challenges: removed',
    ])
  })

  it('marks as moved only the section that left the order of the others', () => {
    expect(labels([a, b, c, d], [a, c, d, b])).toEqual(['Mechanisms: moved (was section 2)'])
    expect(labels([a, b, c], [c, a, { ...b, heading: 'Mechanisms, revised' }])).toEqual(['Efficacy: moved (was section 3)', 'Mechanisms, revised: changed'])
  })

  it('matches new rows without a section by their row id', () => {
    const draft = { id: 'new-row', section: null, heading: 'Draft', body: row('x', 'Draft').body }
    expect(labels([a, draft], [a, { ...draft, heading: 'Draft, renamed' }])).toEqual(['Draft, renamed: changed'])
  })
})
