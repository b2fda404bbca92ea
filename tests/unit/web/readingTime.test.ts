import { describe, expect, it } from 'vitest'
import { formatReadingTime, readingMinutes } from '../../../apps/web/lib/readingTime'
import { countWords, readingTimeMinutes as estimateReadingMinutes } from '../../../src/text/readingTime'

describe('countWords', () => {
  it('counts runs with a letter or digit, not punctuation alone', () => {
    expect(countWords('Ketamine — an NMDA antagonist, 2006.')).toBe(5)
    expect(countWords('  ')).toBe(0)
    expect(countWords('PTSD\nand\tdepression')).toBe(3)
  })
})

describe('estimateReadingMinutes', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ')
  it('rounds to whole minutes at 230 words a minute, at least 1 for any text', () => {
    expect(estimateReadingMinutes([])).toBe(0)
    expect(estimateReadingMinutes(['one'])).toBe(1)
    expect(estimateReadingMinutes([words(230)])).toBe(1)
    expect(estimateReadingMinutes([words(345)])).toBe(2)
    expect(estimateReadingMinutes([words(1000), words(380)])).toBe(6)
  })
})

describe('readingMinutes', () => {
  it('prefers the CMS figure, else estimates from the sections', () => {
    expect(readingMinutes({ readingTimeMinutes: 7, sections: [] })).toBe(7)
    expect(readingMinutes({ readingTimeMinutes: null, sections: [{ text: 'a b c' }] })).toBe(1)
    expect(readingMinutes({ readingTimeMinutes: null })).toBeNull()
  })
})

describe('formatReadingTime', () => {
  it('says nothing for unknown or zero', () => {
    expect(formatReadingTime(null)).toBeNull()
    expect(formatReadingTime(0)).toBeNull()
    expect(formatReadingTime(6)).toBe('6 min read')
  })
})
