import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expandPages, lookupDoi, lookupPmid, lookupSource, type LookupOptions } from '../../../src/citations/lookup'
import { startLookupServer, type LookupServer } from '../../helpers/lookupServer'

let server: LookupServer
let opts: LookupOptions
beforeAll(async () => {
  server = await startLookupServer()
  opts = { crossrefUrl: server.crossrefUrl, pubmedUrl: server.pubmedUrl, timeoutMs: 2000 }
})
afterAll(() => server.close())

const ZARATE_TITLE_CROSSREF = 'A Randomized Trial of an N-methyl-D-aspartate Antagonist in Treatment-Resistant Major Depression'

describe('lookup against recorded Crossref and PubMed answers', () => {
  it('fills from a DOI (Crossref works API)', async () => {
    const result = await lookupDoi('https://doi.org/10.1001/ARCHPSYC.63.8.856', opts)
    expect(result).toEqual({
      ok: true,
      record: {
        authorList: expect.arrayContaining([{ family: 'Zarate', given: 'Carlos A.', suffix: 'Jr' }]),
        title: ZARATE_TITLE_CROSSREF,
        journal: 'Archives of General Psychiatry',
        journalAbbreviation: 'Arch Gen Psychiatry',
        year: 2006,
        volume: '63',
        issue: '8',
        pages: '856-864',
        doi: '10.1001/archpsyc.63.8.856',
        pmid: null,
        url: null,
        publicationType: 'article-journal',
      },
    })
    expect(result.ok && result.record.authorList).toHaveLength(8)
    expect(server.requests).toContain('GET /crossref/works/10.1001%2Farchpsyc.63.8.856')
  })

  it('fills from a PMID (E-utilities esummary)', async () => {
    expect(await lookupPmid('PMID: 16894061', opts)).toEqual({
      ok: true,
      record: {
        authorList: expect.arrayContaining([{ family: 'Zarate', given: 'CA', suffix: 'Jr' }, { family: 'Manji', given: 'HK', suffix: null }]),
        title: 'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression',
        journal: 'Archives of general psychiatry',
        journalAbbreviation: 'Arch Gen Psychiatry',
        year: 2006,
        volume: '63',
        issue: '8',
        pages: '856-864',
        doi: '10.1001/archpsyc.63.8.856',
        pmid: '16894061',
        url: null,
        publicationType: 'article-journal',
      },
    })
  })

  it('prefers Crossref and keeps the PMID when both are given', async () => {
    const result = await lookupSource({ doi: '10.1001/archpsyc.63.8.856', pmid: '16894061' }, opts)
    expect(result.ok && [result.record.title, result.record.pmid]).toEqual([ZARATE_TITLE_CROSSREF, '16894061'])
  })

  it.each([
    ['DOI', '10.5555/missing', { ok: false, reason: 'not-found', message: 'DOI 10.5555/missing: not found' }],
    ['PMID', '99999999', { ok: false, reason: 'not-found', message: 'PMID 99999999: not found (cannot get document summary)' }],
    ['DOI', '10.5555/slow', { ok: false, reason: 'timeout', message: 'DOI 10.5555/slow: no answer within 2 s; try again later' }],
    ['PMID', '22222222', { ok: false, reason: 'timeout', message: 'PMID 22222222: no answer within 2 s; try again later' }],
    ['DOI', '10.5555/busy', { ok: false, reason: 'rate-limited', retryAfterSeconds: 30, message: 'DOI 10.5555/busy: the service is rate limiting requests; try again in 30 s' }],
    ['PMID', '33333333', { ok: false, reason: 'rate-limited', retryAfterSeconds: 30, message: 'PMID 33333333: the service is rate limiting requests; try again in 30 s' }],
    ['DOI', '10.5555/garbled', { ok: false, reason: 'malformed', message: "DOI 10.5555/garbled: the service's answer is not valid JSON" }],
    ['PMID', '44444444', { ok: false, reason: 'malformed', message: "PMID 44444444: the service's answer is not valid JSON" }],
  ])('%s %s fails with a message naming it, and no record', async (kind, id, failure) => {
    expect(await (kind === 'DOI' ? lookupDoi(id, opts) : lookupPmid(id, opts))).toEqual(failure)
  })

  it('reports an unreachable service', async () => {
    const result = await lookupDoi('10.1001/archpsyc.63.8.856', { ...opts, crossrefUrl: 'http://127.0.0.1:1' })
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' })
    expect(!result.ok && result.message).toMatch(/^DOI 10\.1001\/archpsyc\.63\.8\.856: the service could not be reached/)
  })

  it('refuses what is not an identifier without asking anyone', async () => {
    const before = server.requests.length
    expect(await lookupDoi('10.1000/<script>', opts)).toEqual({ ok: false, reason: 'invalid', message: 'DOI 10.1000/<script>: not a DOI' })
    expect(await lookupPmid('PMID abc', opts)).toEqual({ ok: false, reason: 'invalid', message: 'PMID PMID abc: not a PMID' })
    expect(server.requests.length).toBe(before)
  })
})

describe('expandPages', () => {
  it.each([
    ['856-64', '856-864'],
    ['1234-8', '1234-1238'],
    ['681-688', '681-688'],
    ['CD011612', 'CD011612'],
  ])('%s -> %s', (raw, pages) => expect(expandPages(raw)).toBe(pages))
})
