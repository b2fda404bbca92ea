import { parse } from 'qs-esm'
import { describe, expect, it } from 'vitest'
import { toQueryString } from '../../../src/cms/queryString'

describe('toQueryString', () => {
  it('writes flat parameters in insertion order, encoding values', () => {
    expect(toQueryString({ depth: 0, limit: 10, sort: '-publishedAt', q: 'a b&c=d/é' })).toBe(
      'depth=0&limit=10&sort=-publishedAt&q=a%20b%26c%3Dd%2F%C3%A9',
    )
  })

  it('writes nested objects in bracket syntax with literal brackets', () => {
    expect(toQueryString({ where: { slug: { equals: 'x' } } })).toBe('where[slug][equals]=x')
    expect(toQueryString({ select: { title: true, slug: true } })).toBe('select[title]=true&select[slug]=true')
  })

  it('indexes arrays, including and/or arrays of nested queries', () => {
    const where = {
      or: [{ slug: { equals: 'a b' } }, { and: [{ title: { like: 'x&y' } }, { id: { in: [1, 2] } }] }],
    }
    expect(toQueryString({ where })).toBe(
      'where[or][0][slug][equals]=a%20b' +
        '&where[or][1][and][0][title][like]=x%26y' +
        '&where[or][1][and][1][id][in][0]=1&where[or][1][and][1][id][in][1]=2',
    )
  })

  it('skips undefined, sends null as an empty value and dates as ISO strings', () => {
    const at = new Date('2024-03-01T09:00:00.000Z')
    expect(toQueryString({ a: undefined, b: null, c: at, d: false })).toBe('b=&c=2024-03-01T09%3A00%3A00.000Z&d=false')
    expect(toQueryString({})).toBe('')
    expect(toQueryString({ where: {} })).toBe('')
  })

  it('encodes brackets and other specials inside keys so they cannot open a level', () => {
    expect(toQueryString({ where: { 'a[b]': { equals: 1 } } })).toBe('where[a%5Bb%5D][equals]=1')
  })

  it('refuses values with no query-string form', () => {
    expect(() => toQueryString({ where: { f: () => 1 } })).toThrow(/cannot encode a function at where\[f\]/)
  })

  // qs-esm is the parser Payload runs on every REST query (createPayloadRequest): what we write,
  // it must read back as the same object (values as strings, as for any query string).
  it('round-trips through the parser Payload uses', () => {
    const where = {
      and: [{ _status: { equals: 'published' } }, { or: [{ slug: { like: 'ket amine' } }, { title: { in: ['a', 'b&c'] } }] }],
    }
    const query = toQueryString({ depth: 0, where, select: { title: true } })
    expect(parse(query, { depth: 10, arrayLimit: 1000 })).toEqual({ depth: '0', where, select: { title: 'true' } })
  })
})
