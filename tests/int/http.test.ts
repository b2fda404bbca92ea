/**
 * HTTP semantics over real servers: HEAD answers like GET without a body, `Vary: Origin` wherever
 * the CORS answer depends on it, cross-origin reads (REST with an API key, GraphQL queries) from
 * listed origins while cross-origin writes stay closed, no CORS header at all for other origins,
 * one robots meta on the reader site's 404 page, and request lines naming another host (absolute
 * form) served as this site's path, never redirected to that host.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, json, type Session } from '../../scripts/lib/restApi'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
const PARTNER = 'https://partner.example'
const EVIL = 'https://evil.example'
const API_KEY = 'a11ce000-1111-4222-8333-444455556666'
let stack: Stack
let cms: string
let web: string
let admin: Session
let articleId: number

beforeAll(async () => {
  stack = await startStack({ web: true, env: { CORS_ORIGINS: PARTNER } })
  cms = stack.cms.url
  web = stack.web!.url
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  admin = await createFirstAdmin(cms)
  const created = await fetch(`${cms}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth(admin) },
    body: JSON.stringify({ email: 'partner-app@example.com', password: 'integration-pass-1', name: 'Partner app', role: 'integration', enableAPIKey: true, apiKey: API_KEY }),
  })
  expect(created.status).toBe(201)
  articleId = (await json<{ docs: { id: number }[] }>(await fetch(`${cms}/api/articles?depth=0`))).docs[0]!.id
})
afterAll(() => stack?.stop())

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((k) => k.startsWith('access-control-'))
const COMPARED = ['content-type', 'content-length', 'etag', 'cache-control', 'vary', 'access-control-allow-origin']

describe('HEAD', () => {
  const paths = () => [
    `${cms}/api/articles`,
    `${cms}/api/articles?depth=0&limit=1`,
    `${cms}/api/articles/by-slug/${SLUG}`,
    `${cms}/api/articles/${articleId}?depth=0`,
    `${cms}/api/sections?depth=0`,
    `${cms}/api/citations`,
    `${cms}/api/openapi.json`,
    `${cms}/healthz`,
    `${web}/`,
    `${web}/articles/${SLUG}`,
  ]

  it('answers with the status and headers of GET, and no body', async () => {
    for (const url of paths()) {
      for (const headers of [{}, { origin: PARTNER }] as Record<string, string>[]) {
        // Warm first: the by-slug read is then answered from memory for both methods alike.
        await (await fetch(url, { headers })).arrayBuffer()
        const get = await fetch(url, { headers })
        await get.arrayBuffer()
        const head = await fetch(url, { method: 'HEAD', headers })
        expect([url, head.status]).toEqual([url, get.status])
        expect(await head.text()).toBe('')
        for (const name of COMPARED) expect([url, name, head.headers.get(name)]).toEqual([url, name, get.headers.get(name)])
      }
    }
  })

  it('answers 404 where GET does, in the error shape', async () => {
    const head = await fetch(`${cms}/api/articles/by-slug/no-such-article`, { method: 'HEAD' })
    expect(head.status).toBe(404)
    expect(head.headers.get('content-type')).toMatch(/^application\/json/)
  })
})

describe('Vary: Origin', () => {
  it('is on every API read, with or without an Origin, cached or not', async () => {
    await fetch(`${cms}/api/articles/by-slug/${SLUG}`) // fills the by-slug memory cache
    for (const url of [`${cms}/api/articles`, `${cms}/api/articles/by-slug/${SLUG}`, `${cms}/api/sections`, `${cms}/api/articles/${articleId}`]) {
      for (const headers of [{}, { origin: PARTNER }, { origin: EVIL }] as Record<string, string>[]) {
        const res = await fetch(url, { headers })
        expect([url, headers, res.headers.get('vary')]).toEqual([url, headers, expect.stringMatching(/(^|, )Origin(,|$)/)])
      }
    }
  })
})

describe('CORS for listed origins', () => {
  it('lets a preflight ask for Authorization, and reads with an API key get the CORS answer', async () => {
    const preflight = await fetch(`${cms}/api/articles?draft=true`, { method: 'OPTIONS', headers: { origin: PARTNER, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PARTNER)
    expect(preflight.headers.get('access-control-allow-headers')?.split(/,\s*/)).toContain('Authorization')
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    const read = await fetch(`${cms}/api/articles?depth=0`, { headers: { origin: PARTNER, authorization: `users API-Key ${API_KEY}` } })
    expect(read.status).toBe(200)
    expect(read.headers.get('access-control-allow-origin')).toBe(PARTNER)
    expect(read.headers.get('cache-control')).toBe('private, no-store')
  })

  it('lets GraphQL queries through from a listed origin', async () => {
    const preflight = await fetch(`${cms}/api/graphql`, { method: 'OPTIONS', headers: { origin: PARTNER, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PARTNER)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST')
    const res = await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { origin: PARTNER, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ Articles { docs { slug } } }' }) })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(PARTNER)
    expect(await res.json()).toEqual({ data: { Articles: { docs: [{ slug: SLUG }] } } })
  })

  it('refuses cross-origin GraphQL mutations, even with an admin token, and changes nothing', async () => {
    const mutation = `mutation { updateArticle(id: ${articleId}, data: { title: "Taken over" }) { title } }`
    const res = await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { origin: PARTNER, 'content-type': 'application/json', ...auth(admin) }, body: JSON.stringify({ query: mutation }) })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ errors: [{ message: 'Cross-origin GraphQL mutations are not allowed' }] })
    const stored = await json<{ title: string }>(await fetch(`${cms}/api/articles/${articleId}?depth=0`))
    expect(stored.title).toBe('Ketamine: A Promising Breakthrough in Mental Health Treatment')
  })

  it('refuses REST write preflights', async () => {
    const res = await fetch(`${cms}/api/articles`, { method: 'OPTIONS', headers: { origin: PARTNER, 'access-control-request-method': 'PATCH' } })
    expect(res.status).toBe(403)
    expect(corsHeaders(res)).toEqual([])
  })
})

describe('no CORS headers for other origins, or without an Origin', () => {
  it('sends none on reads, writes, preflights and errors', async () => {
    const calls: [string, RequestInit][] = [
      [`${cms}/api/articles`, { headers: { origin: EVIL } }],
      [`${cms}/api/articles`, {}],
      [`${cms}/api/articles/by-slug/${SLUG}`, { headers: { origin: EVIL } }],
      [`${cms}/api/nonexistent`, { headers: { origin: EVIL } }],
      [`${cms}/api/users/login`, { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'x@example.com', password: 'wrong-password' }) }],
      [`${cms}/api/articles`, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'GET' } }],
      [`${cms}/api/graphql`, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } }],
      [`${cms}/api/graphql`, { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ Articles { docs { slug } } }' }) }],
    ]
    for (const [url, init] of calls) {
      const res = await fetch(url, init)
      expect([init.method ?? 'GET', url, corsHeaders(res)]).toEqual([init.method ?? 'GET', url, []])
    }
  })
})

describe('the reader 404 page', () => {
  it('has exactly one robots meta, noindex', async () => {
    for (const path of [`/articles/no-such-article`, '/no-such-page']) {
      const res = await fetch(`${web}${path}`)
      expect(res.status).toBe(404)
      const metas = (await res.text()).match(/<meta name="robots"[^>]*>/g)
      expect([path, metas]).toEqual([path, [expect.stringContaining('noindex')]])
    }
  })
})

/** The status line and headers for a request line written as given (fetch always sends origin form). */
function rawRequest(port: number, requestLine: string): Promise<{ status: number; headers: Map<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n`))
    let received = ''
    socket.on('data', (chunk) => (received += chunk.toString('latin1')))
    socket.on('error', reject)
    socket.on('end', () => {
      const [statusLine = '', ...lines] = received.split('\r\n\r\n')[0]!.split('\r\n')
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      resolve({ status: Number(statusLine.split(' ')[1]), headers })
    })
  })
}

describe('absolute-form request lines', () => {
  it('are answered as the path on this site: no redirect to the host the client named', async () => {
    const cases: [port: number, path: string, status: number][] = [
      [stack.web!.port, '/', 200],
      [stack.web!.port, `/articles/${SLUG}`, 200],
      [stack.web!.port, `/articles/${SLUG}/`, 308],
      [stack.cms.port, '/api/articles?depth=0', 200],
      [stack.cms.port, '/api/articles/', 308],
      [stack.cms.port, '/admin/', 308],
    ]
    for (const [port, path, status] of cases) {
      const answer = await rawRequest(port, `GET http://evil.example${path} HTTP/1.1`)
      expect(answer.status, path).toBe(status)
      const location = answer.headers.get('location')
      if (location !== undefined) expect(new URL(location, 'http://localhost/').host, `${path} -> ${location}`).toBe('localhost')
    }
  })
})
