import { describe, expect, it } from 'vitest'
import { secretsMatch } from '../../../apps/web/lib/secret'
import { isValidSlug } from '../../../apps/web/lib/slug'

describe('secretsMatch', () => {
  it('matches only the exact secret, whatever the lengths', () => {
    expect(secretsMatch('s3cret-s3cret', 's3cret-s3cret')).toBe(true)
    expect(secretsMatch('s3cret-s3cre', 's3cret-s3cret')).toBe(false)
    expect(secretsMatch('', 's3cret')).toBe(false)
    expect(secretsMatch('x'.repeat(10_000), 's3cret')).toBe(false)
  })
  it('never matches an empty expected secret', () => {
    expect(secretsMatch('', '')).toBe(false)
  })
})

describe('isValidSlug', () => {
  it('accepts lowercase, digits and hyphens only', () => {
    expect(isValidSlug('ketamine-2024')).toBe(true)
    for (const bad of ['', 'Ketamine', '../etc', 'a/b', 'a b', 'a_b', 'é', '//evil.example', null, 42, 'a'.repeat(201)]) {
      expect(isValidSlug(bad)).toBe(false)
    }
  })
})
