import { describe, expect, it } from 'vitest'
import { MAX_SLUG_LENGTH, SLUG_FORMAT, slugOrFallback, slugify } from '@/text/slugify'
import { isValidSlug } from '../../../apps/web/lib/slug'

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

describe('slugOrFallback', () => {
  it('gives text with no Latin letters a stable, non-empty slug', () => {
    expect(slugify('Кетамин')).toBe('')
    const slug = slugOrFallback('Кетамин', 'article')
    expect(slug).toMatch(/^article-[a-z0-9]+$/)
    expect(slugOrFallback('Кетамин', 'article')).toBe(slug)
    expect(slugOrFallback('氯胺酮', 'article')).not.toBe(slug)
  })

  it('never exceeds the length the reader site accepts, and never ends in a hyphen', () => {
    const slug = slugOrFallback('ab '.repeat(200), 'article')
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug).toMatch(SLUG_FORMAT)
    expect(isValidSlug(slug)).toBe(true)
    expect(isValidSlug('a'.repeat(MAX_SLUG_LENGTH + 1))).toBe(false)
  })
})
