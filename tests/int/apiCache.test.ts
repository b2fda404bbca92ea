/**
 * Anonymous API reads are answered from memory between publishes, compressed once, under canonical
 * keys; credentialed reads never share an entry with them, and a publish is visible at once.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
let stack: Stack
let editor: Session
let articleId: string | number

/** A raw GET: fetch() would add its own Accept-Encoding and decompress, hiding what was sent. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${stack.cms.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}
const summaryOf = (body: Buffer) => (JSON.parse(body.toString()) as { docs: { summary: string }[] }).docs[0]?.summary
/** An editor's PATCH of the seeded article: a draft with `{ draft: true }`, else what `data` says. */
const patchArticle = (data: Record<string, unknown>, { draft = false } = {}) =>
  fetch(`${stack.cms.url}/api/articles/${articleId}${draft ? '?draft=true' : ''}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...auth(editor) }, body: JSON.stringify(data) })
/** One GraphQL query, sent by POST and by GET in the tests below. */
const QUERY = 'query Summary($slug: String, $draft: Boolean) { Articles(where: { slug: { equals: $slug } }, draft: $draft) { docs { summary } } }'
const graphqlSummary = (text: string) => (JSON.parse(text) as { data: { Articles: { docs: { summary: string }[] } } }).data.Articles.docs[0]?.summary
const LIST = `/api/articles?where[slug][equals]=${SLUG}&depth=0&select[summary]=true`

beforeAll(async () => {
  stack = await startStack()
  const seed = await runSeed(stack.env, ['--publish'])
  if (seed.code !== 0) throw new Error(seed.stderr)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor')
  const list = await json<{ docs: { id: string | number }[] }>(await fetch(`${stack.cms.url}/api/articles?where[slug][equals]=${SLUG}&depth=0`, { headers: auth(editor) }))
  articleId = list.docs[0]!.id
})
afterAll(() => stack?.stop())

describe('the anonymous API read cache', () => {
  it('answers a repeated read, in any parameter order and with restated defaults, from memory with the same body', async () => {
    const first = await raw(LIST)
    expect(first.status).toBe(200)
    const again = await raw(`/api/articles?select[summary]=true&depth=0&limit=10&page=1&where[slug][equals]=${SLUG}`)
    expect(again.status).toBe(200)
    expect(again.headers['x-cache']).toBe('HIT')
    expect(again.body.equals(first.body)).toBe(true)
    expect(again.headers['cache-control']).toMatch(/^public/)
    expect(again.headers.vary).toMatch(/Accept-Encoding/)
  })

  it('caches find-by-id, sections and citations too', async () => {
    for (const path of [`/api/articles/${articleId}?depth=0`, '/api/sections?depth=0&limit=3', '/api/citations?limit=2']) {
      const first = await raw(path)
      expect(first.status, path).toBe(200)
      const second = await raw(path)
      expect(second.headers['x-cache'], path).toBe('HIT')
      expect(second.body.equals(first.body), path).toBe(true)
    }
  })

  it('sends brotli or gzip as accepted, each decompressing to the plain body, with its own ETag; HEAD has no body', async () => {
    const plain = await raw(LIST)
    const br = await raw(LIST, { 'accept-encoding': 'gzip, br' })
    const gz = await raw(LIST, { 'accept-encoding': 'gzip' })
    if (plain.body.length >= 1024) {
      expect(br.headers['content-encoding']).toBe('br')
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
      expect(gz.headers['content-encoding']).toBe('gzip')
      expect(gunzipSync(gz.body).equals(plain.body)).toBe(true)
      expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3)
    }
    const notModified = await raw(LIST, { 'accept-encoding': 'gzip, br', 'if-none-match': String(br.headers.etag) })
    expect(notModified.status).toBe(304)
    const head = await raw(LIST, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(head.headers['content-length']).toBe(String(plain.body.length))
  })

  it('compresses the assembled article (by-slug) too', async () => {
    const plain = await raw(`/api/articles/by-slug/${SLUG}`)
    const br = await raw(`/api/articles/by-slug/${SLUG}`, { 'accept-encoding': 'br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.body.length).toBeLessThan(plain.body.length / 2)
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true)
  })

  it('never hands an editor the anonymous entry, nor an anonymous reader the editor\'s draft', async () => {
    const published = summaryOf((await raw(LIST)).body)
    const draft = await patchArticle({ summary: 'Draft summary, editors only.' }, { draft: true })
    expect(draft.status).toBe(200)
    const asEditor = await raw(`${LIST}&draft=true`, { authorization: `JWT ${editor.token}` })
    expect(asEditor.headers['x-cache']).toBeUndefined()
    expect(asEditor.headers['cache-control']).toBe('private, no-store')
    expect(summaryOf(asEditor.body)).toBe('Draft summary, editors only.')
    // The same URL without credentials: the published text, whether cached or not.
    for (let i = 0; i < 2; i++) expect(summaryOf((await raw(`${LIST}&draft=true`)).body)).toBe(published)
    expect(summaryOf((await raw(LIST)).body)).toBe(published)
  })

  it('serves the new text at once after a publish', async () => {
    expect((await raw(LIST)).headers['x-cache']).toBe('HIT')
    const publish = await patchArticle({ summary: 'Published summary.', _status: 'published' })
    expect(publish.status).toBe(200)
    const after = await raw(LIST)
    expect(summaryOf(after.body)).toBe('Published summary.')
    expect(after.headers['x-cache']).toBeUndefined()
  })
})

describe('GraphQL queries sent by POST', () => {
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${stack.cms.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    return { status: res.status, cache: res.headers.get('x-cache'), text: await res.text() }
  }

  it('answers a repeated anonymous query from memory, whatever its whitespace or variable order; a publish purges it', async () => {
    const first = await post({ query: QUERY, variables: { slug: SLUG, draft: false } })
    expect(first.status, first.text).toBe(200)
    const published = graphqlSummary(first.text)
    expect(published).toBeTruthy()
    const again = await post({ variables: { draft: false, slug: SLUG }, query: QUERY.replace(/ \{ /g, ' {\n    ') })
    expect(again.cache).toBe('HIT')
    expect(again.text).toBe(first.text)
    // The same bytes again: known before any parse (the fast path), the same entry.
    const same = await post({ query: QUERY, variables: { slug: SLUG, draft: false } })
    expect(same.cache).toBe('HIT')
    expect(same.text).toBe(first.text)

    const publish = await patchArticle({ summary: 'Published through REST, read through GraphQL.', _status: 'published' })
    expect(publish.status).toBe(200)
    // Bytes the fast path knows, but the entry is gone: Payload answers them, and they are kept again.
    const after = await post({ query: QUERY, variables: { slug: SLUG, draft: false } })
    expect(after.cache).toBeNull()
    expect(graphqlSummary(after.text)).toBe('Published through REST, read through GraphQL.')
    const kept = await post({ query: QUERY, variables: { slug: SLUG, draft: false } })
    expect(kept.cache).toBe('HIT')
    expect(kept.text).toBe(after.text)
  })

  it('never answers an editor from the anonymous entry, nor an anonymous reader with the editor\'s draft; mutations are never kept', async () => {
    const draft = await patchArticle({ summary: 'GraphQL draft, editors only.' }, { draft: true })
    expect(draft.status).toBe(200)
    const body = { query: QUERY, variables: { slug: SLUG, draft: true } }
    for (let i = 0; i < 2; i++) {
      const asEditor = await post(body, auth(editor))
      expect(asEditor.cache).toBeNull()
      expect(graphqlSummary(asEditor.text)).toBe('GraphQL draft, editors only.')
      const anonymous = await post(body)
      expect(anonymous.status).toBe(200)
      expect(anonymous.text).not.toContain('GraphQL draft, editors only.')
    }
    const mutation = { query: `mutation { updateArticle(id: ${JSON.stringify(articleId)}, data: { summary: "anonymous write" }) { summary } }` }
    for (let i = 0; i < 2; i++) expect((await post(mutation)).cache).toBeNull()
  })
})

describe('GraphQL queries sent by GET', () => {
  const get = async (query: string, variables: unknown, headers: Record<string, string> = {}) => {
    const params = new URLSearchParams({ query, variables: JSON.stringify(variables) })
    const res = await fetch(`${stack.cms.url}/api/graphql?${params}`, { headers })
    return { status: res.status, cache: res.headers.get('x-cache'), allow: res.headers.get('allow'), text: await res.text() }
  }
  const published = async () => (await (await fetch(`${stack.cms.url}/api/articles/${articleId}?depth=0`, { headers: { 'cache-control': 'no-cache' } })).json()) as { summary: string }

  it('answers what POST answers, and a repeat from memory until a publish', async () => {
    const first = await get(QUERY, { slug: SLUG, draft: false })
    expect(first.status, first.text).toBe(200)
    expect(graphqlSummary(first.text)).toBe((await published()).summary)
    const again = await get(QUERY, { slug: SLUG, draft: false })
    expect(again.cache).toBe('HIT')
    expect(again.text).toBe(first.text)

    const publish = await patchArticle({ summary: 'Published, read through GraphQL by GET.', _status: 'published' })
    expect(publish.status).toBe(200)
    const after = await get(QUERY, { slug: SLUG, draft: false })
    expect(after.cache).toBeNull()
    expect(graphqlSummary(after.text)).toBe('Published, read through GraphQL by GET.')
  })

  it('keeps drafts with the editor who asked, and refuses a mutation sent by GET without running it', async () => {
    const draft = await patchArticle({ summary: 'GraphQL GET draft, editors only.' }, { draft: true })
    expect(draft.status).toBe(200)
    for (let i = 0; i < 2; i++) {
      const asEditor = await get(QUERY, { slug: SLUG, draft: true }, auth(editor))
      expect(asEditor.cache).toBeNull()
      expect(graphqlSummary(asEditor.text)).toBe('GraphQL GET draft, editors only.')
      const anonymous = await get(QUERY, { slug: SLUG, draft: true })
      expect(anonymous.status).toBe(200)
      expect(anonymous.text).not.toContain('GraphQL GET draft, editors only.')
    }
    const before = (await published()).summary
    const mutation = `mutation { updateArticle(id: ${JSON.stringify(articleId)}, data: { summary: "written by a link" }) { summary } }`
    const refused = await get(mutation, null, auth(editor))
    expect(refused.status, refused.text).toBe(405)
    expect(refused.text).toContain('Cannot perform mutations over GET')
    expect((await published()).summary).toBe(before)
  })
})
