/**
 * Citation records over the real REST API: identifiers are normalised on the way in, bad ones are
 * refused with a 400 naming the field and change nothing, and one DOI is one record. Lookups (the
 * edit view's endpoint and `citations:resolve`) go to a local server answering in Crossref's and
 * PubMed's formats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runScript, startStack, type Stack } from '../../scripts/lib/stack'
import { startLookupServer, type LookupServer } from '../helpers/lookupServer'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'

let stack: Stack
let editor: Session
let lookup: LookupServer

beforeAll(async () => {
  lookup = await startLookupServer()
  stack = await startStack({ env: { CROSSREF_URL: lookup.crossrefUrl, PUBMED_URL: lookup.pubmedUrl } })
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor')
})
afterAll(async () => {
  await stack?.stop()
  await lookup?.close()
})

type Doc = { id: number; doi: string | null; pmid: string | null; sourceStatus: string }
type ErrorBody = { errors: Array<{ message: string; data?: { errors?: Array<{ path: string; message: string }> } }> }

const post = (data: Record<string, unknown>) =>
  fetch(`${stack.cms.url}/api/citations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth(editor) },
    body: JSON.stringify({ label: 'Zarate et al. (2006)', firstAuthor: 'Zarate', year: 2006, ...data }),
  })
const count = async () => (await json<{ totalDocs: number }>(await fetch(`${stack.cms.url}/api/citations?limit=0`, { headers: auth(editor) }))).totalDocs

describe('identifiers', () => {
  it.each([
    ['doi', '10.1000/<script>', 'Not a DOI: a DOI looks like 10.1001/archpsyc.63.8.856'],
    ['doi', `10.1000/${'x'.repeat(10_240)}`, 'A DOI is at most 256 characters'],
    ['pmid', 'PMID abc', 'Not a PMID: a PMID is a number, e.g. 16894061'],
    ['pmid', '9'.repeat(10_240), 'A PMID is at most 9 digits'],
  ])('refuses %s %j with a 400 naming the field, and writes nothing', async (field, value, message) => {
    const before = await count()
    const res = await post({ [field]: value })
    expect(res.status).toBe(400)
    const body = await json<ErrorBody>(res)
    expect(body.errors[0]?.message).toBe(`The following field is invalid: ${field === 'doi' ? 'DOI' : 'PMID'}`)
    expect(body.errors[0]?.data?.errors).toEqual([{ label: field === 'doi' ? 'DOI' : 'PMID', path: field, message }])
    expect(await count()).toBe(before)
  })

  it('stores a pasted resolver URL and PMID prefix in canonical form', async () => {
    const res = await post({ doi: 'https://doi.org/10.1001/ARCHPSYC.63.8.856', pmid: 'PMID: 16894061' })
    expect(res.status).toBe(201)
    const { doc } = await json<{ doc: Doc }>(res)
    expect(doc).toMatchObject({ doi: '10.1001/archpsyc.63.8.856', pmid: '16894061', sourceStatus: 'verified' })
  })

  it('keeps one record per DOI, whatever its spelling', async () => {
    const before = await count()
    const res = await post({ label: 'Zarate (2006)', firstAuthor: 'Zárate', journal: 'Other', doi: 'doi:10.1001/archpsyc.63.8.856' })
    expect(res.status).toBe(400)
    const body = await json<ErrorBody>(res)
    expect(body.errors[0]?.data?.errors?.[0]?.path).toBe('doi')
    expect(await count()).toBe(before)
  })
})

describe('lookup endpoint', () => {
  const ask = (body: unknown, headers: Record<string, string> = auth(editor)) =>
    fetch(`${stack.cms.url}/api/citations/lookup`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  it('returns the record for a PMID, for the form to show', async () => {
    const res = await ask({ pmid: '16894061' })
    expect(res.status).toBe(200)
    const { fill } = await json<{ fill: Record<string, unknown> }>(res)
    expect(fill).toMatchObject({ title: 'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression', journal: 'Archives of general psychiatry', pages: '856-864', doi: '10.1001/archpsyc.63.8.856' })
  })

  it('passes on a rate limit with Retry-After and a message naming the identifier', async () => {
    const res = await ask({ doi: '10.5555/busy' })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('30')
    expect((await json<ErrorBody>(res)).errors[0]?.message).toBe('DOI 10.5555/busy: the service is rate limiting requests; try again in 30 s')
  })

  it('is for staff only', async () => {
    expect((await ask({ pmid: '16894061' }, {})).status).toBe(403)
  })
})

describe('npm run citations:resolve', () => {
  it('fills citations that have an identifier but no title; a failed lookup leaves its citation unchanged', async () => {
    // The record stored above already holds this DOI, with a title: start again without it.
    const cleared = await fetch(`${stack.cms.url}/api/citations?where[doi][equals]=10.1001/archpsyc.63.8.856`, { method: 'DELETE', headers: auth(editor) })
    expect(cleared.status).toBe(200)
    const okRes = await post({ label: 'Zarate et al. (2006)', doi: '10.1001/archpsyc.63.8.856' })
    expect(okRes.status).toBe(201)
    const ok = (await json<{ doc: Doc }>(okRes)).doc
    const busy = (await json<{ doc: Doc }>(await post({ label: 'Busy (2001)', firstAuthor: 'Busy', year: 2001, doi: '10.5555/busy' }))).doc
    const read = async (id: number) => json<Record<string, unknown>>(await fetch(`${stack.cms.url}/api/citations/${id}?depth=0`, { headers: auth(editor) }))
    const busyBefore = await read(busy.id)

    const dry = await runScript('scripts/citationsResolve.ts', stack.env, ['--dry-run'])
    expect(dry.stdout).toContain('would fill: Zarate et al. (2006): "A Randomized Trial of an N-methyl-D-aspartate Antagonist in Treatment-Resistant Major Depression", Archives of General Psychiatry')
    expect(dry.stdout).toContain('failed: Busy (2001): DOI 10.5555/busy: the service is rate limiting requests; try again in 30 s')
    expect(dry.code).toBe(1)
    expect((await read(ok.id)).title ?? null).toBeNull()

    const run = await runScript('scripts/citationsResolve.ts', stack.env)
    expect(run.code, run.stderr).toBe(1)
    expect(run.stdout).toContain('1 filled, 1 failed')
    expect(await read(ok.id)).toMatchObject({ title: 'A Randomized Trial of an N-methyl-D-aspartate Antagonist in Treatment-Resistant Major Depression', journal: 'Archives of General Psychiatry', volume: '63' })
    expect(await read(busy.id)).toEqual(busyBefore)
  }, 120_000)
})
