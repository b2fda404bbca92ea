import { describe, expect, it } from 'vitest'
import { doiUrl, normalizeDoi, normalizePmid, occurrenceNumber, referenceLinks, safeHttpUrl } from '../../../apps/web/lib/references'

describe('normalizeDoi', () => {
  it.each([
    ['10.1001/archpsyc.63.8.856', '10.1001/archpsyc.63.8.856'],
    ['doi:10.1001/archpsyc.63.8.856', '10.1001/archpsyc.63.8.856'],
    ['DOI: 10.1001/x', '10.1001/x'],
    ['https://doi.org/10.1001/jamapsychiatry.2014.62', '10.1001/jamapsychiatry.2014.62'],
    ['http://dx.doi.org/10.1001/x', '10.1001/x'],
    ['  10.1000/xyz  ', '10.1000/xyz'],
  ])('%s -> %s', (raw, doi) => {
    expect(normalizeDoi(raw)).toBe(doi)
  })
  it('rejects what is not a DOI', () => {
    expect(normalizeDoi(null)).toBeNull()
    expect(normalizeDoi('')).toBeNull()
    expect(normalizeDoi('pending')).toBeNull()
    expect(normalizeDoi('11.1000/x')).toBeNull()
  })
})

describe('doiUrl', () => {
  it('keeps slashes and escapes characters that would end the URL', () => {
    expect(doiUrl('10.1001/archpsyc.63.8.856')).toBe('https://doi.org/10.1001/archpsyc.63.8.856')
    expect(doiUrl('10.1002/(SICI)1097#x?y')).toBe('https://doi.org/10.1002/(SICI)1097%23x%3Fy')
  })
})

describe('normalizePmid', () => {
  it('accepts digits with an optional PMID prefix', () => {
    expect(normalizePmid('16894061')).toBe('16894061')
    expect(normalizePmid('PMID: 16894061')).toBe('16894061')
    expect(normalizePmid('pmid16894061')).toBe('16894061')
    expect(normalizePmid('1689x')).toBeNull()
    expect(normalizePmid(null)).toBeNull()
  })
})

describe('safeHttpUrl', () => {
  it('only lets absolute http(s) URLs through', () => {
    expect(safeHttpUrl('https://example.org/a b')).toBe('https://example.org/a%20b')
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull()
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull()
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull()
    expect(safeHttpUrl('/relative')).toBeNull()
    expect(safeHttpUrl(null)).toBeNull()
  })
})

describe('referenceLinks', () => {
  it('orders DOI, PubMed, URL and skips a URL that repeats the DOI link', () => {
    expect(referenceLinks({ doi: 'doi:10.1001/x', pmid: '123', url: 'https://doi.org/10.1001/x' })).toEqual([
      { kind: 'doi', href: 'https://doi.org/10.1001/x', label: 'doi:10.1001/x' },
      { kind: 'pubmed', href: 'https://pubmed.ncbi.nlm.nih.gov/123/', label: 'PMID 123' },
    ])
    expect(referenceLinks({ doi: null, pmid: null, url: 'https://who.int/report' })).toEqual([
      { kind: 'url', href: 'https://who.int/report', label: 'https://who.int/report' },
    ])
  })
  it('returns nothing for a reference with no usable identifier (the page then says "needs source")', () => {
    expect(referenceLinks({ doi: 'n/a', pmid: 'unknown', url: 'javascript:alert(1)' })).toEqual([])
  })
})

describe('occurrenceNumber', () => {
  it('reads k from cite-n-k, else falls back to the position', () => {
    expect(occurrenceNumber('cite-3-2', 0)).toBe(2)
    expect(occurrenceNumber('marker-x', 4)).toBe(5)
  })
})
