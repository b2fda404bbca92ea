import { describe, expect, it } from 'vitest'
import { canonicalApiKey } from '../../apps/cms/lib/apiCacheKey'

describe('canonicalApiKey', () => {
  it('gives equivalent reads one key: order, encoding and restated defaults do not matter', () => {
    const key = canonicalApiKey('/api/articles?where[slug][equals]=a&sort=-publishedAt')
    expect(canonicalApiKey('/api/articles?sort=-publishedAt&where%5Bslug%5D%5Bequals%5D=a')).toBe(key)
    expect(canonicalApiKey('/api/articles?limit=10&page=1&depth=1&draft=false&sort=-publishedAt&where[slug][equals]=a')).toBe(key)
    expect(canonicalApiKey('/api/articles?limit=10')).toBe('/api/articles')
  })

  it('keeps reads that differ apart', () => {
    expect(canonicalApiKey('/api/articles?limit=5')).not.toBe(canonicalApiKey('/api/articles'))
    expect(canonicalApiKey('/api/articles?draft=true')).not.toBe(canonicalApiKey('/api/articles'))
    expect(canonicalApiKey('/api/sections?depth=0')).not.toBe(canonicalApiKey('/api/sections'))
    expect(canonicalApiKey('/api/articles/by-slug/a')).not.toBe(canonicalApiKey('/api/articles/by-slug/b'))
  })

  it('keeps the order of a repeated parameter', () => {
    expect(canonicalApiKey('/api/a?x=1&b=2&x=0')).toBe('/api/a?b=2&x=1&x=0')
  })

  it('never caches users, preferences, locks or jobs, or anything outside the API', () => {
    expect(canonicalApiKey('/api/users/me')).toBeUndefined()
    expect(canonicalApiKey('/api/users?limit=1')).toBeUndefined()
    expect(canonicalApiKey('/api/payload-preferences/x')).toBeUndefined()
    expect(canonicalApiKey('/admin')).toBeUndefined()
    expect(canonicalApiKey('/api/usersettings')).toBe('/api/usersettings')
  })
})
