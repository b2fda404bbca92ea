/**
 * The contract, exhaustively: every documented parameter of every documented path of the served
 * OpenAPI document is sent with valid and invalid values, and every answer (status and body) is
 * validated against that document. A parameter added to the document without samples here fails
 * the test, so the document and this test cannot drift apart. Also: no error body anywhere carries
 * a class name, and undocumented API paths answer 404 in the documented error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, json, type Session } from '../../scripts/lib/restApi'
import { contractValidator } from '../helpers/contract'
import type { OpenApiDocument, OpenApiParameter } from '../../apps/cms/openapi/document'
import { png, uploadImage } from '../fixtures/images'
import { send } from '../reliability/support'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
const PERSON_SLUG = 'sam-rivera'
let stack: Stack
let cms: string
let doc: OpenApiDocument
let contract: ReturnType<typeof contractValidator>
let articleId: number
let etag: string
let admin: Session

beforeAll(async () => {
  stack = await startStack()
  cms = stack.cms.url
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  doc = await json<OpenApiDocument>(await fetch(`${cms}/api/openapi.json`))
  contract = contractValidator(doc)
  articleId = (await json<{ docs: { id: number }[] }>(await fetch(`${cms}/api/articles?depth=0`))).docs[0]!.id
  etag = (await fetch(`${cms}/api/articles/by-slug/${SLUG}`)).headers.get('etag')!
  admin = await createFirstAdmin(cms)
  // A person with a photo, so the profile's image fields are checked against the document too.
  const photo = await uploadImage(cms, await png(600, 600), 'sam-rivera.png', 'image/png', { alt: 'Sam Rivera' }, admin)
  expect(photo.status).toBe(201)
  const photoId = ((await photo.json()) as { doc: { id: number } }).doc.id
  expect((await send(cms, 'POST', '/api/people', { name: 'Sam Rivera', credentials: 'MD', photo: photoId }, admin)).status).toBe(201)
})
afterAll(() => stack?.stop())

type Sample = { query?: string; path?: string; headers?: Record<string, string>; status: number }
/** Valid and invalid values of each documented parameter, by name, with the status each must get. */
const samples = (): Record<string, { valid: Sample[]; invalid: Sample[] }> => ({
  where: { valid: [{ query: 'where[id][exists]=true', status: 200 }], invalid: [{ query: 'where[nope][equals]=1', status: 400 }, { query: 'where=title', status: 400 }, { query: 'where[createdAt][equals]=abc', status: 400 }] },
  sort: { valid: [{ query: 'sort=-createdAt', status: 200 }, { query: 'sort=id,-updatedAt', status: 200 }], invalid: [{ query: 'sort=nope', status: 400 }, { query: 'sort=-', status: 400 }] },
  limit: { valid: [{ query: 'limit=1', status: 200 }, { query: 'limit=1000', status: 200 }], invalid: ['abc', '-1', '1.5', '1001', '1e3'].map((v) => ({ query: `limit=${v}`, status: 400 })) },
  page: { valid: [{ query: 'page=1', status: 200 }, { query: 'page=2', status: 200 }], invalid: ['0', 'abc', '1e20', '-1', '99999999999999999999'].map((v) => ({ query: `page=${v}`, status: 400 })) },
  depth: { valid: [{ query: 'depth=0', status: 200 }, { query: 'depth=2', status: 200 }], invalid: ['abc', '-1', '101'].map((v) => ({ query: `depth=${v}`, status: 400 })) },
  select: { valid: [{ query: 'select[createdAt]=true', status: 200 }, { query: 'select[id]=true&select[updatedAt]=true', status: 200 }], invalid: [{ query: 'select[createdAt]=maybe', status: 400 }] },
  draft: { valid: [{ query: 'draft=false', status: 200 }, { query: 'draft=true', status: 200 }], invalid: [{ query: 'draft=maybe', status: 400 }] },
  slug: { valid: [{ path: SLUG, status: 200 }], invalid: [{ path: 'no-such-article', status: 404 }] },
  id: { valid: [{ path: String(articleId), status: 200 }], invalid: [{ path: 'abc', status: 404 }, { path: '999999', status: 404 }, { path: '1.5', status: 404 }, { path: 'by-slug', status: 404 }] },
  'If-None-Match': { valid: [{ headers: { 'if-none-match': etag }, status: 304 }], invalid: [{ headers: { 'if-none-match': '"not-the-etag"' }, status: 200 }] },
})

/** Search has its own bounds (a page of results is small) and a required query. */
const searchSamples = (): Record<string, { valid: Sample[]; invalid: Sample[] }> => ({
  q: { valid: [{ query: 'q=ketamine', status: 200 }, { query: 'q=ketam', status: 200 }], invalid: [{ query: 'q=', status: 400 }, { query: `q=${'a'.repeat(201)}`, status: 400 }] },
  limit: { valid: [{ query: 'limit=1', status: 200 }, { query: 'limit=50', status: 200 }], invalid: ['abc', '-1', '1.5', '51'].map((v) => ({ query: `limit=${v}`, status: 400 })) },
  page: { valid: [{ query: 'page=1', status: 200 }, { query: 'page=2', status: 200 }], invalid: ['0', 'abc', '1e20', '-1'].map((v) => ({ query: `page=${v}`, status: 400 })) },
})
const personSamples = (): Record<string, { valid: Sample[]; invalid: Sample[] }> => ({
  slug: { valid: [{ path: PERSON_SLUG, status: 200 }], invalid: [{ path: 'no-such-person', status: 404 }] },
})
const SAMPLES_BY_PATH: Record<string, () => Record<string, { valid: Sample[]; invalid: Sample[] }>> = { '/api/search': searchSamples, '/api/people/by-slug/{slug}': personSamples }
const samplesFor = (template: string) => ({ ...samples(), ...SAMPLES_BY_PATH[template]?.() })

/**
 * A request for `template` with every path parameter at its first valid value and every required
 * query parameter at its first valid value, except `param`, which gets `sample`.
 */
function url(template: string, params: OpenApiParameter[], sample?: Sample, param?: OpenApiParameter): string {
  const known = samplesFor(template)
  let path = template
  for (const p of params.filter((x) => x.in === 'path')) path = path.replace(`{${p.name}}`, p === param ? sample!.path! : known[p.name]!.valid[0]!.path!)
  const required = params.filter((x) => x.in === 'query' && x.required && x !== param).map((x) => known[x.name]!.valid[0]!.query!)
  const query = [...required, ...(param?.in === 'query' ? [sample!.query!] : [])].join('&')
  return `${cms}${path}${query ? `?${query}` : ''}`
}

async function checkedCall(template: string, target: string, headers: Record<string, string> = {}) {
  const res = await fetch(target, { headers })
  const text = await res.text()
  const body = text === '' ? undefined : (JSON.parse(text) as unknown)
  contract.check(template, res.status, body)
  if (res.status >= 400) expect(text, `${target}: an error body names no class`).not.toMatch(/"name"\s*:/)
  return { status: res.status, body }
}

describe('every documented parameter of every documented path', () => {
  it('has samples for every parameter the document lists', () => {
    const missing = Object.entries(doc.paths).flatMap(([template, item]) => item.get.parameters.filter((p) => !samplesFor(template)[p.name]).map((p) => `${template} ${p.name}`))
    expect(missing).toEqual([])
  })

  it('answers each valid and invalid value with the documented status and body', { timeout: 120_000 }, async () => {
    const failures: string[] = []
    let calls = 0
    for (const [template, item] of Object.entries(doc.paths)) {
      const params = item.get.parameters
      const plain = await checkedCall(template, url(template, params))
      if (plain.status !== 200) failures.push(`${template}: ${plain.status} without parameters`)
      for (const param of params) {
        const set = samplesFor(template)[param.name]!
        for (const [kind, list] of [['valid', set.valid], ['invalid', set.invalid]] as const) {
          for (const sample of list) {
            const target = url(template, params, sample, param)
            calls++
            try {
              const { status } = await checkedCall(template, target, sample.headers)
              if (status !== sample.status) failures.push(`${kind} ${param.name}: ${target} ${JSON.stringify(sample.headers ?? {})} -> ${status}, expected ${sample.status}`)
            } catch (err) {
              failures.push(`${kind} ${param.name}: ${target}: ${err instanceof Error ? err.message : String(err)}`)
            }
          }
        }
      }
    }
    expect(failures).toEqual([])
    expect(calls).toBeGreaterThan(100)
  })

  it('names the parameter in each 400', async () => {
    for (const name of ['limit', 'page', 'depth', 'sort']) {
      const res = await fetch(`${cms}/api/articles?${name}=nope`)
      expect(res.status).toBe(400)
      expect((await json<{ errors: { message: string }[] }>(res)).errors[0]!.message).toContain(name)
    }
  })
})

describe('paths the document does not list', () => {
  it('GraphQL errors carry no class name either', async () => {
    const res = await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ Article(id: 999999) { title } }' }) })
    const body = await json<{ errors: { message: string; extensions: Record<string, unknown> }[] }>(res)
    expect(body.errors[0]!.extensions.statusCode).toBe(404)
    expect(JSON.stringify(body)).not.toMatch(/"name"\s*:/)
  })

  it('answers unknown API routes and a bare by-slug with 404 in the error shape', async () => {
    for (const path of ['/api/nonexistent', '/api/articles/by-slug', '/api/articles/abc/nope', '/api/users/versions']) {
      const res = await fetch(`${cms}${path}`)
      expect([path, res.status]).toEqual([path, 404])
      const body = await json<{ errors: { message: string }[] }>(res)
      expect(body.errors).toHaveLength(1)
      expect(Object.keys(body.errors[0]!)).toEqual(['message'])
    }
  })
})

describe('inputs Payload answered with a 500 get a 4xx naming the problem, and change nothing', () => {
  const errorOf = async (res: Response) => ({ status: res.status, message: (await json<{ errors: { message: string }[] }>(res)).errors[0]!.message })
  const post = (path: string, body: string, type = 'application/json', session: Session | null = admin) =>
    fetch(`${cms}${path}`, { method: 'POST', headers: { 'content-type': type, ...(session ? auth(session) : {}) }, body })
  const citationCount = async () => (await json<{ totalDocs: number }>(await fetch(`${cms}/api/citations?limit=1`, { headers: auth(admin) }))).totalDocs

  it('REST bodies: null, malformed, deeply nested, or not JSON at all', async () => {
    const before = await citationCount()
    const deep = `{"label":"x","firstAuthor":${'['.repeat(5000)}${']'.repeat(5000)}}`
    expect(await errorOf(await post('/api/citations', 'null'))).toEqual({ status: 400, message: 'The request body must be a JSON object' })
    expect(await errorOf(await post('/api/citations', '{"label":'))).toEqual({ status: 400, message: 'The request body is not valid JSON' })
    expect(await errorOf(await post('/api/citations', deep))).toEqual({ status: 400, message: 'The request body is nested more than 100 levels deep' })
    expect(await errorOf(await post('/api/citations', '{"label":"x"}', 'text/plain'))).toEqual({ status: 415, message: 'Content-Type "text/plain" is not accepted here; send application/json or multipart/form-data' })
    expect(await citationCount()).toBe(before)
  })

  it('a rich-text path in where, and the versions of a collection without versions', async () => {
    expect(await errorOf(await fetch(`${cms}/api/sections?where[body.root.children][equals]=1`))).toEqual({ status: 400, message: 'Invalid query: body.root.children: rich text cannot be queried by path; query body itself' })
    expect(await errorOf(await fetch(`${cms}/api/users/versions`, { headers: auth(admin) }))).toEqual({ status: 404, message: 'users has no versions' })
  })

  it('GraphQL: 3,000 ORs (inline or as variables) and Access without a user', async () => {
    const ors = Array.from({ length: 3000 }, (_, i) => ({ title: { equals: `t${i}` } }))
    const inline = `{ Articles(where: { OR: [${ors.map((o) => `{ title: { equals: "${o.title.equals}" } }`).join(', ')}] }) { docs { id } } }`
    expect(await errorOf(await post('/api/graphql', JSON.stringify({ query: inline }), 'application/json', null))).toEqual({ status: 400, message: 'GraphQL query is too large to accept' })
    const withVariables = JSON.stringify({ query: 'query ($where: Article_where) { Articles(where: $where) { docs { id } } }', variables: { where: { OR: ors } } })
    expect(await errorOf(await post('/api/graphql', withVariables, 'application/json', null))).toEqual({ status: 400, message: 'GraphQL where has 3000 conditions in AND/OR lists; the limit is 200' })
    expect(await errorOf(await post('/api/graphql', JSON.stringify({ query: '{ Access { canAccessAdmin } }' }), 'application/json', null))).toEqual({
      status: 401,
      message: 'Access describes the permissions of a signed-in user; send credentials',
    })
    const signedIn = await json<{ data: { Access: { canAccessAdmin: boolean } } }>(await post('/api/graphql', JSON.stringify({ query: '{ Access { canAccessAdmin } }' })))
    expect(signedIn.data.Access.canAccessAdmin).toBe(true)
  })
})
