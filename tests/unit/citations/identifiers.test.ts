import { describe, expect, it } from 'vitest'
import { normalizeDoi, normalizePmid, parseDoi, parsePmid } from '../../../src/citations/identifiers'

describe('parseDoi', () => {
  it.each([
    ['10.1001/archpsyc.63.8.856', '10.1001/archpsyc.63.8.856'],
    ['https://doi.org/10.1001/ARCHPSYC.63.8.856', '10.1001/archpsyc.63.8.856'],
    ['http://dx.doi.org/10.1001/jamapsychiatry.2014.62', '10.1001/jamapsychiatry.2014.62'],
    ['doi:10.1002/14651858.CD011612.pub2', '10.1002/14651858.cd011612.pub2'],
    ['DOI: 10.1002/(SICI)1097-4636(199603)', '10.1002/(sici)1097-4636(199603)'],
    ['  10.1000/xyz  ', '10.1000/xyz'],
  ])('%s -> %s', (raw, doi) => {
    expect(parseDoi(raw)).toEqual({ ok: true, value: doi })
  })

  it.each(['10.1000/<script>', 'pending', '11.1000/x', '10.1000/', '10.1000/a b', '10.1000/x#frag', 'javascript:alert(1)'])('refuses %j', (raw) => {
    expect(parseDoi(raw)).toEqual({ ok: false, message: 'Not a DOI: a DOI looks like 10.1001/archpsyc.63.8.856' })
  })

  it('refuses a 10 KB string by its length', () => {
    expect(parseDoi(`10.1000/${'a'.repeat(10_240)}`)).toEqual({ ok: false, message: 'A DOI is at most 256 characters' })
  })
})

describe('parsePmid', () => {
  it.each([
    ['16894061', '16894061'],
    ['PMID: 16894061', '16894061'],
    ['pmid16894061', '16894061'],
    ['https://pubmed.ncbi.nlm.nih.gov/24740528/', '24740528'],
  ])('%s -> %s', (raw, pmid) => {
    expect(parsePmid(raw)).toEqual({ ok: true, value: pmid })
  })

  it.each(['PMID abc', '1689x', '1234567890', '-1', ''])('refuses %j', (raw) => {
    expect(parsePmid(raw)).toEqual({ ok: false, message: 'Not a PMID: a PMID is a number, e.g. 16894061' })
  })

  it('refuses a 10 KB string by its length', () => {
    expect(parsePmid('1'.repeat(10_240))).toEqual({ ok: false, message: 'A PMID is at most 9 digits' })
  })
})

describe('normalizeDoi / normalizePmid', () => {
  it('return null for empty and invalid values', () => {
    expect(normalizeDoi(null)).toBeNull()
    expect(normalizeDoi('')).toBeNull()
    expect(normalizeDoi('10.1000/<script>')).toBeNull()
    expect(normalizePmid(undefined)).toBeNull()
    expect(normalizePmid('PMID abc')).toBeNull()
  })
})
