/**
 * Hostile API input: each request below gets a clear 4xx (JSON, with a message, no stack)
 * and changes nothing, checked with a snapshot of everything a write could touch. Covers oversized
 * and length-less bodies, depth beyond MAX_DEPTH, malformed and injected `where` queries (REST, the
 * POST method-override form, GraphQL), GraphQL nesting, and mass assignment by an author over REST
 * and GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { databaseSnapshot } from '../helpers/snapshot'
import { articleRefs, KETAMINE_SLUG, lexicalBody, send } from './support'

let stack: Stack
let cms: string
let admin: Session
let editor: Session
let author: Session
let ketamine: { id: string | number; introId: string | number }
let ownDraft: { id: number }

beforeAll(async () => {
  stack = await startStack({ env: { MAX_BODY_BYTES: String(256 * 1024) } })
  cms = stack.cms.url
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  admin = await createFirstAdmin(cms)
  editor = await createUser(cms, admin, 'editor')
  author = await createUser(cms, admin, 'author')
  ketamine = await articleRefs(cms, KETAMINE_SLUG)
  const created = await send(cms, 'POST', '/api/articles?draft=true&depth=0', { title: 'The author own draft', _status: 'draft' }, author)
  expect(created.status).toBe(201)
  ownDraft = (await json<{ doc: { id: number } }>(created)).doc
})
afterAll(() => stack?.stop())

/** A 4xx with Payload's error shape: a list of messages, no stack trace, no SQL. */
async function expectClientError(res: Response, status: number | number[], message?: RegExp): Promise<string> {
  const text = await res.text()
  expect(Array.isArray(status) ? status : [status], `${res.status} ${text.slice(0, 500)}`).toContain(res.status)
  const body = JSON.parse(text) as { errors?: { message?: string }[] }
  expect(body.errors?.[0]?.message, text.slice(0, 500)).toEqual(expect.any(String))
  if (message) expect(body.errors![0]!.message).toMatch(message)
  expect(text).not.toMatch(/\bat .+\.(js|ts):\d+|select .* from|"stack"/i)
  return body.errors![0]!.message!
}

/** The request must leave every document, draft and version exactly as it was. */
async function changesNothing(action: () => Promise<void>): Promise<void> {
  const before = await databaseSnapshot(cms, admin)
  await action()
  expect(await databaseSnapshot(cms, admin)).toBe(before)
}

/** A JSON value as a GraphQL input literal (object keys unquoted), for JSON-typed arguments. */
function graphqlLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(graphqlLiteral).join(', ')}]`
  if (typeof value === 'object' && value !== null) return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${graphqlLiteral(v)}`).join(', ')} }`
  return JSON.stringify(value)
}

/** A raw request with a chunked body (no Content-Length), which fetch cannot send from a string. */
function chunkedPost(url: string, token: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, 'transfer-encoding': 'chunked' } }, (res) => {
      let body = ''
      res.on('data', (b: Buffer) => (body += b))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    // The server may answer and close before reading the rest: that is the point.
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)))
    for (const c of chunks) req.write(c)
    req.end()
  })
}

describe('request bodies', () => {
  const big = JSON.stringify({ title: 'Oversized', summary: 'x'.repeat(300 * 1024), _status: 'draft' })

  it('refuses a body over MAX_BODY_BYTES with 413, before Payload reads it', async () => {
    await changesNothing(async () => {
      await expectClientError(await send(cms, 'POST', '/api/articles?draft=true', JSON.parse(big), editor), 413, /larger than 262144 bytes/)
      await expectClientError(await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(editor) }, body: JSON.stringify({ query: `mutation { createArticle(draft: true, data: { title: "${'y'.repeat(300 * 1024)}" }) { id } }` }) }), 413)
    })
  })

  it('refuses a chunked body (no declared length) with 411, even a small one', async () => {
    await changesNothing(async () => {
      for (const chunks of [[big.slice(0, 100_000), big.slice(100_000)], ['{"title":"Small but chunked","_status":"draft"}']]) {
        const res = await chunkedPost(`${cms}/api/articles?draft=true`, editor.token, chunks)
        expect(res.status, res.body).toBe(411)
        expect(JSON.parse(res.body)).toEqual({ errors: [{ message: 'Request bodies must declare a Content-Length (chunked bodies are not accepted)' }] })
      }
    })
  })
})

describe('depth', () => {
  it('clamps depth=100 to MAX_DEPTH (2): nothing is populated deeper', async () => {
    type Deep = { sections: { article: { sections: unknown[] } }[] }
    for (const path of [`/api/articles/${ketamine.id}?depth=100`, `/api/articles?depth=100&where[id][equals]=${ketamine.id}`]) {
      const res = await fetch(`${cms}${path}`, { headers: auth(editor) })
      expect(res.status).toBe(200)
      const body = await json<Deep | { docs: Deep[] }>(res)
      const doc = 'docs' in body ? body.docs[0]! : body
      expect(typeof doc.sections[0]!.article).toBe('object') // depth 1 -> 2: populated
      expect(doc.sections[0]!.article.sections.every((s) => typeof s === 'number' || typeof s === 'string')).toBe(true) // depth 3: ids only
    }
  })
})

describe('malformed where', () => {
  // [query, expected message]: every one used to reach the database driver or Payload's operator table.
  const cases: [string, RegExp][] = [
    ['where[nope][equals]=1', /cannot be queried: nope/],
    ['where[title][bogus]=1', /unknown operator "bogus"|cannot be queried/],
    ['where[title][equals][x]=1', /where\[title\]\[equals\] must be a single value, not an object/],
    ['where[title][equals]=a&where[title][equals]=b', /must be a single value, not a list/],
    ['where=junk', /`where` must be a set of conditions/],
    ['where[and]=x', /where\[and\] must be a list of conditions/],
    ['where[title]=x', /needs an operator/],
    ['where[title][near]=1,2,3', /"near" applies to point \(location\) fields only/],
    ['where[title][within][type]=Polygon&where[title][within][coordinates][0][0][0]=1', /"within" applies to point/],
    ['where[publishedAt][greater_than]=yesterday', /where\[publishedAt\]\[greater_than\] must be a date, got "yesterday"/],
    ['where[authors][in]=1,x', /where\[authors\]\[in\] must be an id \(.+\), got "(1|x)"/],
    ['where[sections][contains]=x', /must be an id/],
    ['where[sections.id][equals]=NaN', /must be an id/],
    ['where[id][like]=%', /must be an id/],
    [`where${'[a]'.repeat(12)}=1`, /nested more than 10 levels deep/],
    ['where[or][0][and][0][or][0][title][near]=1', /"near" applies to point/],
    ['where[__proto__][polluted][equals]=1', /cannot be queried|unknown operator/],
    ['where[constructor][prototype][equals]=1', /unknown operator "prototype"|cannot be queried/],
  ]
  for (const [query, message] of cases) {
    it(`${query.slice(0, 70)} -> 400`, async () => {
      const started = performance.now()
      await expectClientError(await fetch(`${cms}/api/articles?${query}`, { headers: auth(editor) }), 400, message)
      expect(performance.now() - started).toBeLessThan(1_000)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }

  it('checks versions and count endpoints against their own fields', async () => {
    await expectClientError(await fetch(`${cms}/api/articles/versions?where[version.publishedAt][equals]=soon`, { headers: auth(editor) }), 400, /must be a date/)
    await expectClientError(await fetch(`${cms}/api/articles/versions?where[parent][equals]=abc`, { headers: auth(editor) }), 400, /must be an id/)
    await expectClientError(await fetch(`${cms}/api/sections/count?where[article][equals]=abc`), 400, /must be an id/)
  })

  it('checks the where of a POST with a GET method override, in form and JSON bodies', async () => {
    const form = await fetch(`${cms}/api/articles`, { method: 'POST', headers: { 'x-payload-http-method-override': 'GET', 'content-type': 'application/x-www-form-urlencoded' }, body: 'where[title][near]=1' })
    await expectClientError(form, 400, /"near" applies to point/)
    const body = JSON.stringify({ where: { authors: { equals: 'x' } } })
    await expectClientError(await fetch(`${cms}/api/articles`, { method: 'POST', headers: { 'x-http-method-override': 'GET', 'content-type': 'application/json' }, body }), 400, /must be an id/)
    // ...and still passes a valid one through to Payload, body intact.
    const ok = await fetch(`${cms}/api/articles`, { method: 'POST', headers: { 'x-payload-http-method-override': 'GET', 'content-type': 'application/x-www-form-urlencoded' }, body: `where[slug][equals]=${KETAMINE_SLUG}` })
    expect(ok.status).toBe(200)
    expect((await json<{ totalDocs: number }>(ok)).totalDocs).toBe(1)
  })

  it('answers huge junk (1000 unknown fields, via the method override) with one 400, fast', async () => {
    const junk = Array.from({ length: 1000 }, (_, i) => `where[or][${i}][junk${i}][equals]=${'z'.repeat(50)}`).join('&')
    const started = performance.now()
    const res = await fetch(`${cms}/api/articles`, { method: 'POST', headers: { 'x-payload-http-method-override': 'GET', 'content-type': 'application/x-www-form-urlencoded', ...auth(editor) }, body: junk })
    await expectClientError(res, 400, /more than 200 conditions in and\/or lists/)
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe('operators that could reach the database engine', () => {
  it('refuses $where, $function, $regex and other Mongo-style keys, fast', async () => {
    for (const query of ['where[$where]=sleep(5000)', 'where[title][$where]=1', 'where[title][$regex]=(a%2B)%2B%24', 'where[title][$function][body]=x', 'where[$or][0][title][equals]=x', 'where[title][$gt]=']) {
      const started = performance.now()
      await expectClientError(await fetch(`${cms}/api/articles?${query}`), 400)
      expect(performance.now() - started, query).toBeLessThan(1_000)
    }
  })

  it('treats regex-bomb and wildcard-bomb patterns in like as plain text, fast', async () => {
    for (const pattern of ['(a+)+$', '(.*a){20}', '%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%', `${'%a'.repeat(200)}b`]) {
      const started = performance.now()
      const res = await fetch(`${cms}/api/articles?where[title][like]=${encodeURIComponent(pattern)}`)
      expect(res.status, pattern).toBe(200)
      expect(performance.now() - started, pattern).toBeLessThan(1_000)
    }
  })

  it('limits GraphQL nesting: 11 levels -> 400 before anything runs', async () => {
    const query = '{ Articles(limit: 100) { docs { sections { article { sections { article { sections { article { sections { article { title } } } } } } } } } } }'
    const started = performance.now()
    const res = await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    await expectClientError(res, 400, /GraphQL query is nested 11 levels deep; the limit is 10/)
    expect(performance.now() - started).toBeLessThan(1_000)
    // Fragments do not hide depth.
    const viaFragments = 'query { Articles { docs { ...A } } } fragment A on Article { sections { ...S } } fragment S on Section { article { sections { article { sections { article { sections { article { title } } } } } } } }'
    await expectClientError(await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: viaFragments }) }), 400, /nested \d+ levels deep/)
  })
})

describe('mass assignment by an author', () => {
  // Ids go into GraphQL as JSON literals: a number on SQLite, a quoted ObjectId on MongoDB.
  const gql = async (query: string, session: Session) => {
    const res = await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(session) }, body: JSON.stringify({ query }) })
    return { status: res.status, body: await json<{ data?: Record<string, unknown> | null; errors?: { message: string }[] }>(res) }
  }

  it('cannot publish: create or update with _status published is refused and changes nothing (REST)', async () => {
    await changesNothing(async () => {
      await expectClientError(await send(cms, 'POST', '/api/articles', { title: 'Author publishes', _status: 'published' }, author), 403)
      await expectClientError(await send(cms, 'PATCH', `/api/articles/${ownDraft.id}`, { _status: 'published' }, author), 403)
      // Not theirs: Payload answers 403 or, with a where-constrained rule, 404.
      await expectClientError(await send(cms, 'PATCH', `/api/articles/${ketamine.id}?draft=true`, { title: 'Hijacked', _status: 'draft' }, author), [403, 404])
    })
  })

  it('cannot publish a section, on its own or attached to a published article (REST)', async () => {
    await changesNothing(async () => {
      const body = lexicalBody(['Vandalism that must never be public.'])
      await expectClientError(await send(cms, 'POST', '/api/sections', { article: ketamine.id, heading: 'Vandal', body, _status: 'published' }, author), 403)
      await expectClientError(await send(cms, 'PATCH', `/api/sections/${ketamine.introId}`, { body, _status: 'published' }, author), 403)
    })
    const publicSections = await (await fetch(`${cms}/api/sections?limit=100&depth=0`)).text()
    expect(publicSections).not.toContain('Vandalism')
  })

  it('cannot set publishedAt, lastReviewedAt or other accounts as writers (REST): the fields are ignored', async () => {
    const res = await send(cms, 'PATCH', `/api/articles/${ownDraft.id}?draft=true&depth=0`, { publishedAt: '2001-01-01T00:00:00.000Z', lastReviewedAt: '2001-01-01T00:00:00.000Z', writers: [author.user.id, editor.user.id], _status: 'draft' }, author)
    expect(res.status).toBe(200)
    const stored = await json<{ publishedAt: unknown; lastReviewedAt: unknown; writers: unknown[] }>(await fetch(`${cms}/api/articles/${ownDraft.id}?draft=true&depth=0`, { headers: auth(admin) }))
    expect(stored).toMatchObject({ publishedAt: null, lastReviewedAt: null, writers: [author.user.id] })
  })

  it('cannot change roles, its own or anyone else’s (REST)', async () => {
    await changesNothing(async () => {
      const self = await send(cms, 'PATCH', `/api/users/${author.user.id}`, { role: 'admin' }, author)
      expect([200, 403]).toContain(self.status)
      await expectClientError(await send(cms, 'PATCH', `/api/users/${editor.user.id}`, { role: 'author' }, author), [403, 404])
      await expectClientError(await send(cms, 'POST', '/api/users', { email: 'sock@example.com', password: 'sock-puppet-123', role: 'admin' }, author), 403)
    })
    const me = await json<{ user: { role: string } }>(await fetch(`${cms}/api/users/me`, { headers: auth(author) }))
    expect(me.user.role).toBe('author')
  })

  it('gets the same answers over GraphQL', async () => {
    const before = await databaseSnapshot(cms, admin)
    const publish = await gql('mutation { createArticle(data: { title: "GQL publish", _status: published }) { id } }', author)
    expect(publish.body.errors?.[0]?.message, JSON.stringify(publish.body)).toBe('You are not allowed to perform this action.')
    const update = await gql(`mutation { updateArticle(id: ${JSON.stringify(ownDraft.id)}, data: { _status: published }) { id _status } }`, author)
    expect(update.body.errors?.[0]?.message).toBe('You are not allowed to perform this action.')
    const section = await gql(`mutation { createSection(data: { article: ${JSON.stringify(ketamine.id)}, heading: "Vandal", body: ${graphqlLiteral(lexicalBody(['GraphQL vandalism.']))}, _status: published }) { id } }`, author)
    expect(section.body.errors?.[0]?.message).toBe('You are not allowed to perform this action.')
    const role = await gql(`mutation { updateUser(id: ${JSON.stringify(author.user.id)}, data: { role: admin }) { role } }`, author)
    expect(role.body.data?.updateUser ?? null).toEqual(role.body.errors ? null : { role: 'author' })
    expect(await databaseSnapshot(cms, admin)).toBe(before)

    const fields = await gql(`mutation { updateArticle(id: ${JSON.stringify(ownDraft.id)}, draft: true, data: { publishedAt: "2001-01-01T00:00:00.000Z", lastReviewedAt: "2001-01-01T00:00:00.000Z", writers: [${JSON.stringify(author.user.id)}, ${JSON.stringify(editor.user.id)}], _status: draft }) { id } }`, author)
    expect(fields.body.errors).toBeUndefined()
    const stored = await json<{ publishedAt: unknown; lastReviewedAt: unknown; writers: unknown[] }>(await fetch(`${cms}/api/articles/${ownDraft.id}?draft=true&depth=0`, { headers: auth(admin) }))
    expect(stored).toMatchObject({ publishedAt: null, lastReviewedAt: null, writers: [author.user.id] })
  })
})
