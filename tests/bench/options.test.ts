/** The bench's command line: what each option sets, and the message for a bad one. */
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../bench/options'

describe('parseOptions', () => {
  it('measures growth at 1, 100 and 1,000 articles by default, 1 and 10 with --quick', () => {
    expect(parseOptions([]).growthLevels).toEqual([1, 100, 1000])
    expect(parseOptions(['--quick']).growthLevels).toEqual([1, 10])
  })

  it('takes the growth levels from --growth-levels, for a 10,000-article catalogue', () => {
    expect(parseOptions(['--growth-levels=1,1000,10000']).growthLevels).toEqual([1, 1000, 10000])
  })

  it('refuses levels that do not start at 1 or do not ascend', () => {
    expect(() => parseOptions(['--growth-levels=100,1000'])).toThrow('--growth-levels must be ascending whole numbers starting at 1, got "100,1000"')
    expect(() => parseOptions(['--growth-levels=1,1000,1000'])).toThrow(/ascending/)
    expect(() => parseOptions(['--growth-levels=1,ten'])).toThrow(/ascending/)
  })

  it('names an unknown option and the known ones', () => {
    expect(() => parseOptions(['--levels=1'])).toThrow(/unknown option --levels \(known: .*--growth-levels/)
  })
})
