/**
 * Who may do what, over real HTTP against a production CMS: every content collection x operation x
 * role, through REST and GraphQL, from one table. Each write row starts from fresh documents and
 * checks what the anonymous reader gets from `/api/articles/by-slug/<slug>` afterwards: a refused
 * write and an author's draft must leave it byte-identical; an editor's publish must show at once.
 *
 * Editorial review: authors write drafts of articles that list them (and of those articles'
 * sections); editors and admins publish; integrations (API key) and anonymous callers write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../../scripts/lib/stack'
import { createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { lexicalBody } from '../reliability/support'

let stack: Stack
let cms: string

type Id = number | string
type Actor = { name: Role; headers: Record<string, string>; id?: Id }
type Role = 'anonymous' | 'integration' | 'authorOf' | 'authorNotOf' | 'editor' | 'admin'
const ROLES: Role[] = ['anonymous', 'integration', 'authorOf', 'authorNotOf', 'editor', 'admin']
const actors = {} as Record<Role, Actor>
const INTEGRATION_KEY = 'a11ce000-2222-4333-8444-555566667777'

const jwt = (s: Session): Actor['headers'] => ({ authorization: `JWT ${s.token}` })

// ---------------------------------------------------------------------------------------------
// Two transports with one shape: status codes are what a client sees (GraphQL errors carry theirs).

type Result = { status: number; doc?: Record<string, unknown> }
type Collection = 'articles' | 'sections' | 'citations'
type Transport = {
  create: (a: Actor, c: Collection, data: Record<string, unknown>, draft: boolean) => Promise<Result>
  update: (a: Actor, c: Collection, id: Id, data: Record<string, unknown>) => Promise<Result>
  remove: (a: Actor, c: Collection, id: Id) => Promise<Result>
  read: (a: Actor, c: Collection, id: Id, draft: boolean) => Promise<Result>
}

async function rest(a: Actor, method: string, path: string, body?: unknown): Promise<Result> {
  const res = await fetch(`${cms}${path}`, { method, headers: { 'content-type': 'application/json', ...a.headers }, body: body === undefined ? undefined : JSON.stringify(body) })
  const parsed = await json<{ doc?: Record<string, unknown> } & Record<string, unknown>>(res)
  return { status: res.status, doc: parsed.doc ?? (method === 'GET' ? parsed : undefined) }
}

const REST: Transport = {
  create: (a, c, data, draft) => rest(a, 'POST', `/api/${c}?depth=0&draft=${draft}`, data),
  // No `draft` flag: the request an author would send to change the published document.
  update: (a, c, id, data) => rest(a, 'PATCH', `/api/${c}/${id}?depth=0`, data),
  remove: (a, c, id) => rest(a, 'DELETE', `/api/${c}/${id}`),
  read: (a, c, id, draft) => rest(a, 'GET', `/api/${c}/${id}?depth=0&draft=${draft}`),
}

const TYPE: Record<Collection, string> = { articles: 'Article', sections: 'Section', citations: 'Citation' }

async function graphql(a: Actor, query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; data: Record<string, Record<string, unknown> | null> }> {
  const res = await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...a.headers }, body: JSON.stringify({ query, variables }) })
  const body = await json<{ data?: Record<string, Record<string, unknown> | null>; errors?: { extensions?: { statusCode?: number } }[] }>(res)
  const error = body.errors?.[0]
  const status = error ? (error.extensions?.statusCode ?? (res.status >= 400 ? res.status : 400)) : res.status
  return { status, data: body.data ?? {} }
}

const GRAPHQL: Transport = {
  create: async (a, c, data, draft) => {
    const t = TYPE[c]
    const r = await graphql(a, `mutation($data: mutation${t}Input!) { create${t}(data: $data${c === 'citations' ? '' : `, draft: ${draft}`}) { id } }`, { data })
    return { status: r.status === 200 ? 201 : r.status, doc: r.data[`create${t}`] ?? undefined }
  },
  update: async (a, c, id, data) => {
    const t = TYPE[c]
    const r = await graphql(a, `mutation($data: mutation${t}UpdateInput!) { update${t}(id: ${id}, data: $data) { id } }`, { data })
    return { status: r.status, doc: r.data[`update${t}`] ?? undefined }
  },
  remove: async (a, c, id) => {
    const t = TYPE[c]
    const r = await graphql(a, `mutation { delete${t}(id: ${id}) { id } }`)
    return { status: r.status, doc: r.data[`delete${t}`] ?? undefined }
  },
  read: async (a, c, id, draft) => {
    const t = TYPE[c]
    const r = await graphql(a, `query { ${t}(id: ${id}${c === 'citations' ? '' : `, draft: ${draft}`}) { id } }`)
    const doc = r.data[t]
    return { status: doc ? 200 : r.status === 200 ? 404 : r.status, doc: doc ?? undefined }
  },
}

// ---------------------------------------------------------------------------------------------
// Fresh documents for each row, made by the editor: a published article by `authorOf` with one
// published section, a never-published draft article by them, and a second published article of
// theirs (the target of a section move).

type Fixture = { P: Id; slug: string; Ps: Id; D: Id; Dslug: string; Q: Id; C: Id }
let counter = 0

async function fixture(): Promise<Fixture> {
  const n = ++counter
  const editor = actors.editor
  const mine = [actors.authorOf.id]
  const P = await REST.create(editor, 'articles', { title: `Published ${n}`, writers: mine, _status: 'published' }, false)
  const Ps = await REST.create(editor, 'sections', { article: P.doc!.id, body: lexicalBody([`Original text ${n}.`]), _status: 'published' }, false)
  await REST.update(editor, 'articles', P.doc!.id as Id, { sections: [Ps.doc!.id], _status: 'published' })
  const D = await REST.create(editor, 'articles', { title: `Draft ${n}`, writers: mine, _status: 'draft' }, true)
  const Q = await REST.create(editor, 'articles', { title: `Other ${n}`, writers: mine, _status: 'published' }, false)
  const C = await REST.create(editor, 'citations', { label: `Smith (${1900 + n})`, firstAuthor: 'Smith', year: 1900 + n }, false)
  for (const r of [P, Ps, D, Q, C]) if (r.status !== 201) throw new Error(`fixture: ${r.status}`)
  return { P: P.doc!.id as Id, slug: P.doc!.slug as string, Ps: Ps.doc!.id as Id, D: D.doc!.id as Id, Dslug: D.doc!.slug as string, Q: Q.doc!.id as Id, C: C.doc!.id as Id }
}

/** What the anonymous reader-facing endpoint answers for a slug, as one comparable string. */
async function page(slug: string): Promise<string> {
  const res = await fetch(`${cms}/api/articles/by-slug/${slug}`, { headers: { 'cache-control': 'no-cache' } })
  return `${res.status} ${await res.text()}`
}

// ---------------------------------------------------------------------------------------------
// The table. Outcomes:
//   refused  4xx, nothing stored, the reader page unchanged
//   draft    2xx, stored as a draft version only: the reader page unchanged
//   live     2xx, and the reader page shows the change
//   allowed  2xx (reads, and writes whose effect is checked elsewhere)
//   hidden   a read that finds nothing (404/403)

type Outcome = 'refused' | 'draft' | 'live' | 'allowed' | 'hidden'
type Op = {
  name: string
  collection: Collection
  run: (t: Transport, a: Actor, f: Fixture) => Promise<Result>
  /** The slug whose reader page the write may change (default: the published article). */
  watch?: (f: Fixture) => string
  expected: Record<Role, Outcome>
}

const none: Record<Role, Outcome> = { anonymous: 'refused', integration: 'refused', authorOf: 'refused', authorNotOf: 'refused', editor: 'live', admin: 'live' }
const review: Record<Role, Outcome> = { ...none, authorOf: 'draft' }
const readAll: Record<Role, Outcome> = { anonymous: 'allowed', integration: 'allowed', authorOf: 'allowed', authorNotOf: 'allowed', editor: 'allowed', admin: 'allowed' }
const staffRead: Record<Role, Outcome> = { ...readAll, anonymous: 'hidden' }
const writers: Record<Role, Outcome> = { ...none, authorOf: 'draft', authorNotOf: 'draft', editor: 'allowed', admin: 'allowed' }

const OPS: Op[] = [
  { name: 'create a draft article', collection: 'articles', run: (t, a) => t.create(a, 'articles', { title: `New by ${a.name}`, _status: 'draft' }, true), expected: { ...writers } },
  { name: 'create a published article', collection: 'articles', run: (t, a) => t.create(a, 'articles', { title: `Live by ${a.name}`, _status: 'published' }, false), expected: { ...none, editor: 'allowed', admin: 'allowed' } },
  { name: 'read a draft article', collection: 'articles', run: (t, a, f) => t.read(a, 'articles', f.D, true), expected: staffRead },
  { name: 'read a published article', collection: 'articles', run: (t, a, f) => t.read(a, 'articles', f.P, false), expected: readAll },
  { name: 'edit a published article', collection: 'articles', run: (t, a, f) => t.update(a, 'articles', f.P, { title: `Changed by ${a.name}` }), expected: review },
  { name: 'edit a published article saying draft', collection: 'articles', run: (t, a, f) => t.update(a, 'articles', f.P, { title: `Changed by ${a.name}`, _status: 'draft' }), expected: review },
  { name: 'publish a draft article', collection: 'articles', watch: (f) => f.Dslug, run: (t, a, f) => t.update(a, 'articles', f.D, { _status: 'published' }), expected: none },
  { name: 'unpublish an article', collection: 'articles', run: (t, a, f) => t.update(a, 'articles', f.P, { _status: 'draft' }), expected: review },
  { name: 'delete an article', collection: 'articles', run: (t, a, f) => t.remove(a, 'articles', f.P), expected: none },

  { name: 'create a draft section in the article', collection: 'sections', run: (t, a, f) => t.create(a, 'sections', { article: f.P, body: lexicalBody(['New section.']), _status: 'draft' }, true), expected: { ...writers, authorNotOf: 'refused' } },
  { name: 'create a section without an article', collection: 'sections', run: (t, a) => t.create(a, 'sections', { body: lexicalBody(['Loose section.']) }, false), expected: { ...writers } },
  { name: 'create a published section in the article', collection: 'sections', run: (t, a, f) => t.create(a, 'sections', { article: f.P, body: lexicalBody(['Live section.']), _status: 'published' }, false), expected: { ...none, editor: 'allowed', admin: 'allowed' } },
  { name: 'read a published section', collection: 'sections', run: (t, a, f) => t.read(a, 'sections', f.Ps, false), expected: readAll },
  { name: 'edit a published section', collection: 'sections', run: (t, a, f) => t.update(a, 'sections', f.Ps, { body: lexicalBody([`Rewritten by ${a.name}.`]) }), expected: review },
  { name: 'publish a section', collection: 'sections', run: (t, a, f) => t.update(a, 'sections', f.Ps, { body: lexicalBody([`Published by ${a.name}.`]), _status: 'published' }), expected: none },
  { name: 'unpublish a section', collection: 'sections', run: (t, a, f) => t.update(a, 'sections', f.Ps, { _status: 'draft' }), expected: review },
  { name: 'move a section to another article', collection: 'sections', run: (t, a, f) => t.update(a, 'sections', f.Ps, { article: f.Q }), expected: { ...none, editor: 'allowed', admin: 'allowed' } },
  { name: 'delete a section', collection: 'sections', run: (t, a, f) => t.remove(a, 'sections', f.Ps), expected: none },

  { name: 'create a citation', collection: 'citations', run: (t, a) => t.create(a, 'citations', { label: 'Doe (2001)', firstAuthor: `Doe${a.name}${++counter}`, year: 2001 }, false), expected: { ...none, authorOf: 'allowed', authorNotOf: 'allowed', editor: 'allowed', admin: 'allowed' } },
  { name: 'edit a citation', collection: 'citations', run: (t, a, f) => t.update(a, 'citations', f.C, { journal: `Journal of ${a.name}` }), expected: { ...none, editor: 'allowed', admin: 'allowed' } },
  { name: 'delete a citation', collection: 'citations', run: (t, a, f) => t.remove(a, 'citations', f.C), expected: { ...none, editor: 'allowed', admin: 'allowed' } },
]

beforeAll(async () => {
  stack = await startStack()
  cms = stack.cms.url
  const admin = await createFirstAdmin(cms)
  const editor = await createUser(cms, admin, 'editor', 'editor@example.com')
  const authorOf = await createUser(cms, admin, 'author', 'author-a@example.com')
  const authorNotOf = await createUser(cms, admin, 'author', 'author-b@example.com')
  const created = await fetch(`${cms}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...jwt(admin) },
    body: JSON.stringify({ email: 'integration@example.com', password: 'integration-pass-1', name: 'Integration', role: 'integration', enableAPIKey: true, apiKey: INTEGRATION_KEY }),
  })
  if (created.status !== 201) throw new Error(`integration user: ${created.status}`)
  Object.assign(actors, {
    anonymous: { name: 'anonymous', headers: {} },
    integration: { name: 'integration', headers: { authorization: `users API-Key ${INTEGRATION_KEY}` } },
    authorOf: { name: 'authorOf', headers: jwt(authorOf), id: authorOf.user.id },
    authorNotOf: { name: 'authorNotOf', headers: jwt(authorNotOf), id: authorNotOf.user.id },
    editor: { name: 'editor', headers: jwt(editor), id: editor.user.id },
    admin: { name: 'admin', headers: jwt(admin), id: admin.user.id },
  } satisfies Record<Role, Actor>)
})
afterAll(() => stack?.stop())

const ROWS = OPS.flatMap((op) => ROLES.map((role) => ({ op, role, outcome: op.expected[role] })))

describe.each([
  ['REST', REST],
  ['GraphQL', GRAPHQL],
] as const)('%s', (_api, transport) => {
  it.each(ROWS.map((r) => [r.op.collection, r.op.name, r.role, r.outcome, r] as const))('%s: %s as %s -> %s', async (_c, _n, role, outcome, { op }) => {
    const f = await fixture()
    const slug = (op.watch ?? ((x: Fixture) => x.slug))(f)
    const before = await page(slug)
    const result = await op.run(transport, actors[role], f)
    const after = await page(slug)

    if (outcome === 'refused') {
      expect(result.status, JSON.stringify(result)).toBeGreaterThanOrEqual(400)
      expect(result.status).toBeLessThan(500)
    } else if (outcome === 'hidden') {
      expect([403, 404]).toContain(result.status)
    } else {
      expect(result.status, JSON.stringify(result)).toBeLessThan(300)
    }
    if (outcome === 'refused' || outcome === 'draft' || outcome === 'hidden') expect(after).toBe(before)
    if (outcome === 'live') expect(after).not.toBe(before)
    if (outcome === 'draft' && op.collection !== 'citations') {
      // The draft exists for editors to review, and the stored (published) document is untouched.
      const id = result.doc?.id as Id
      const latest = await REST.read(actors.editor, op.collection, id, true)
      expect(latest.doc?._status).toBe('draft')
      const stored = await REST.read(actors.editor, op.collection, id, false)
      if ([f.P, f.Ps].map(String).includes(String(id))) expect(stored.doc?._status).toBe('published')
    }
  })
})
