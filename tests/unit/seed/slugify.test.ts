import { describe, expect, it } from 'vitest'
import { slugify } from '@/text/slugify'

describe('slugify', () => {
  it.each([
    ['Ketamine: A Promising Breakthrough in Mental Health Treatment', 'ketamine-a-promising-breakthrough-in-mental-health-treatment'],
    ['Clinical Efficacy: Hope for Treatment-Resistant Conditions', 'clinical-efficacy-hope-for-treatment-resistant-conditions'],
    ["Ketamine's Benefits", 'ketamines-benefits'],
    ['Müller, Ørsted & Łukasz: Straße', 'muller-orsted-lukasz-strasse'],
    ['Crème brûlée — naïve café', 'creme-brulee-naive-cafe'],
    ['  --Leading and trailing!!  ', 'leading-and-trailing'],
    ['5-HT2A receptors (2019)', '5-ht2a-receptors-2019'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['ﬁve ligatures', 'five-ligatures'],
  ])('%s -> %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('gives an empty string for text without Latin letters or digits', () => {
    expect(slugify('編集')).toBe('')
    expect(slugify('---')).toBe('')
    expect(slugify('')).toBe('')
  })
})
