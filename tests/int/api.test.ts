/**
 * The public REST contract over real HTTP: every public response validated against the
 * served OpenAPI document, HTTP caching, CORS, API keys, and what /api/users never reveals.
 */
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { contractValidator } from '../helpers/contract'
import type { OpenApiDocument } from '../../apps/cms/openapi/document'
import { createCmsClient, CmsError } from '../../src/cms'
import { main as printArticle } from '../../examples/print-article'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
let stack: Stack
let cms: string
let admin: Session
let editor: Session
let contract: ReturnType<typeof contractValidator>
const WEB_ORIGIN = 'https://partner.example'

beforeAll(async () => {
  stack = await startStack({ env: { CORS_ORIGINS: WEB_ORIGIN } })
  cms = stack.cms.url
  admin = await createFirstAdmin(cms)
  editor = await createUser(cms, admin, 'editor')
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  contract = contractValidator(await json<OpenApiDocument>(await fetch(`${cms}/api/openapi.json`)))
})
afterAll(() => stack?.stop())

async function checked(path: string, template: string, init?: RequestInit) {
  const res = await fetch(`${cms}${path}`, init)
  const body = res.status === 304 ? undefined : await res.json()
  contract.check(template, res.status, body)
  return { res, body }
}

describe('responses match the OpenAPI document', () => {
  it('GET /api/articles (as the client asks for it)', async () => {
    const { res, body } = await checked('/api/articles?depth=0&select[title]=true&select[slug]=true&select[summary]=true&select[publication]=true&select[publishedAt]=true&select[lastReviewedAt]=true&select[readingTimeMinutes]=true&select[updatedAt]=true', '/api/articles')
    expect(res.status).toBe(200)
    expect(body.docs.map((d: { slug: string }) => d.slug)).toEqual([SLUG])
  })

  it('GET /api/articles/by-slug/{slug}: 200, then 304 with the ETag, 404 for unknown', async () => {
    const { res, body } = await checked(`/api/articles/by-slug/${SLUG}`, '/api/articles/by-slug/{slug}')
    expect(res.status).toBe(200)
    expect(body.sections).toHaveLength(5)
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await checked(`/api/articles/by-slug/${SLUG}`, '/api/articles/by-slug/{slug}', { headers: { 'if-none-match': etag } })
    expect(again.res.status).toBe(304)
    const missing = await checked('/api/articles/by-slug/no-such-article', '/api/articles/by-slug/{slug}')
    expect(missing.res.status).toBe(404)
    expect(missing.body.errors[0].message).toBe('No published article with slug "no-such-article"')
  })

  it('GET /api/articles/{id}, /api/sections, /api/citations', async () => {
    const list = await json<{ docs: { id: number }[] }>(await fetch(`${cms}/api/articles?depth=0`))
    const { res } = await checked(`/api/articles/${list.docs[0]!.id}?depth=0`, '/api/articles/{id}')
    expect(res.status).toBe(200)
    const sections = await checked('/api/sections?depth=0&limit=50', '/api/sections')
    expect(sections.body.totalDocs).toBe(5)
    const citations = await checked('/api/citations?depth=0', '/api/citations')
    expect(citations.body.docs.map((c: { label: string }) => c.label).sort()).toEqual(['Caddy et al. (2015)', 'Feder et al. (2014)', 'Zarate et al. (2006)'])
  })

  it('errors: 404 by id, 400 for a malformed query', async () => {
    expect((await checked('/api/articles/999999', '/api/articles/{id}')).res.status).toBe(404)
    expect((await checked('/api/articles?where[nonexistent][equals]=1', '/api/articles')).res.status).toBe(400)
  })

  it('health endpoints', async () => {
    expect((await checked('/healthz', '/healthz')).body).toEqual({ status: 'ok' })
    expect((await checked('/readyz', '/readyz')).body).toEqual({ status: 'ok' })
  })

  it('serves a readable reference at /api/docs', async () => {
    const res = await fetch(`${cms}/api/docs`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('/api/articles/by-slug/{slug}')
  })
})

describe('HTTP caching', () => {
  it('lets shared caches keep public reads briefly, but never credentialed ones', async () => {
    const anon = await fetch(`${cms}/api/articles?depth=0`)
    expect(anon.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30')
    const etag = anon.headers.get('etag')!
    expect((await fetch(`${cms}/api/articles?depth=0`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    const authed = await fetch(`${cms}/api/articles?depth=0`, { headers: auth(editor) })
    expect(authed.headers.get('cache-control')).toBe('private, no-store')
    const bySlugAuthed = await fetch(`${cms}/api/articles/by-slug/${SLUG}`, { headers: auth(editor) })
    expect(bySlugAuthed.headers.get('cache-control')).toBe('private, no-store')
  })
})

describe('CORS', () => {
  it('allows public reads from listed origins, without credentials', async () => {
    const res = await fetch(`${cms}/api/articles/by-slug/${SLUG}`, { headers: { origin: WEB_ORIGIN } })
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN)
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })
  it('gives other origins nothing', async () => {
    const res = await fetch(`${cms}/api/articles`, { headers: { origin: 'https://evil.example' } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
  it('refuses cross-origin write preflights, even from listed origins', async () => {
    const res = await fetch(`${cms}/api/articles`, { method: 'OPTIONS', headers: { origin: WEB_ORIGIN, 'access-control-request-method': 'POST' } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const evil = await fetch(`${cms}/api/articles`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('API keys', () => {
  it('let an integration read drafts that anonymous readers cannot', async () => {
    const key = 'c0ffee00-1111-4222-8333-444455556666'
    const created = await fetch(`${cms}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(admin) },
      body: JSON.stringify({ email: 'newsletter@example.com', password: 'integration-pass-1', name: 'Newsletter', role: 'integration', enableAPIKey: true, apiKey: key }),
    })
    expect(created.status).toBe(201)
    expect(JSON.stringify(await created.json())).not.toContain(key)

    const draft = await fetch(`${cms}/api/articles?draft=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(editor) },
      body: JSON.stringify({ title: 'Embargoed piece', _status: 'draft' }),
    })
    expect(draft.status).toBe(201)

    const withKey = await json<{ docs: { title: string }[] }>(await fetch(`${cms}/api/articles?draft=true&where[title][equals]=Embargoed%20piece`, { headers: { authorization: `users API-Key ${key}` } }))
    expect(withKey.docs.map((d) => d.title)).toEqual(['Embargoed piece'])
    const anonymous = await json<{ docs: unknown[] }>(await fetch(`${cms}/api/articles?draft=true&where[title][equals]=Embargoed%20piece`))
    expect(anonymous.docs).toEqual([])

    const writeWithKey = await fetch(`${cms}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `users API-Key ${key}` }, body: JSON.stringify({ title: 'From key' }) })
    expect(writeWithKey.status).toBe(403)
  })

  it('never expose keys or password hashes through /api/users', async () => {
    const text = await (await fetch(`${cms}/api/users?limit=100`, { headers: auth(admin) })).text()
    expect(text).toContain('newsletter@example.com')
    for (const secret of ['c0ffee00-1111-4222-8333-444455556666', '"hash"', '"salt"', '"apiKey"', '"apiKeyIndex"', '"password"']) expect(text).not.toContain(secret)
  })
})

describe('the typed client and the example consumer', () => {
  it('reads the article and maps 404 to CmsError', async () => {
    const client = createCmsClient({ baseURL: cms })
    const list = await client.listArticles()
    expect(list.docs.map((d) => d.slug)).toEqual([SLUG])
    const article = await client.getArticleBySlug(SLUG)
    expect(article.citations.map((c) => c.number)).toEqual([1, 2, 3])
    await expect(client.getArticleBySlug('missing')).rejects.toMatchObject({ status: 404 })
    await expect(client.getArticleBySlug('missing')).rejects.toBeInstanceOf(CmsError)
  })

  it('examples/print-article.ts lists articles and prints one as plain text', async () => {
    let out = ''
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((out += chunk.toString()), done()) })
    const code = await printArticle([cms], { out: sink })
    expect(code).toBe(0)
    expect(out).toContain('Ketamine: A Promising Breakthrough in Mental Health Treatment')
    expect(out).toContain('Understanding the Mechanisms of Ketamine')
    expect(out).toMatch(/^1\. Zarate et al\. \(2006\)/m)
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After after the configured burst', async () => {
    const limited = await startStack({ env: { RATE_LIMIT_API_MAX: '5', RATE_LIMIT_WINDOW_MS: '60000' } })
    try {
      const statuses: number[] = []
      let retryAfter: string | null = null
      for (let i = 0; i < 8; i++) {
        const res = await fetch(`${limited.cms.url}/api/articles?limit=1`)
        statuses.push(res.status)
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after')
          const body = await res.json()
          expect(body.errors[0].message).toMatch(/Too many requests/)
        }
      }
      // The warm-up request at start counts too: the first 429 comes at the 5th or 6th request.
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2)
      expect(statuses.slice(0, 4).every((s) => s === 200)).toBe(true)
      expect(Number(retryAfter)).toBeGreaterThan(0)
    } finally {
      await limited.stop()
    }
  })
})
