/**
 * Citation records over the real REST API: identifiers are normalised on the way in, bad ones are
 * refused with a 400 naming the field and change nothing, and one DOI is one record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../helpers/servers'
import { auth, createFirstAdmin, createUser, json, type Session } from '../helpers/api'

let stack: Stack
let editor: Session

beforeAll(async () => {
  stack = await startStack()
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor')
})
afterAll(() => stack?.stop())

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
