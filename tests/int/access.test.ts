/**
 * Access control over real HTTP: a production CMS on a fresh database, users of each role,
 * and the reads and writes each may or may not make. Drafts must never reach anonymous readers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'

let stack: Stack
let admin: Session
let editor: Session
let author: Session
let cms: string

const post = (path: string, body: unknown, session?: Session) =>
  fetch(`${cms}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(session ? auth(session) : {}) }, body: JSON.stringify(body) })
const patch = (path: string, body: unknown, session?: Session) =>
  fetch(`${cms}${path}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...(session ? auth(session) : {}) }, body: JSON.stringify(body) })

beforeAll(async () => {
  stack = await startStack()
  cms = stack.cms.url
  admin = await createFirstAdmin(cms)
  editor = await createUser(cms, admin, 'editor')
  author = await createUser(cms, admin, 'author')
})
afterAll(() => stack?.stop())

describe('roles', () => {
  it('makes the first registered user an admin', () => {
    expect(admin.user.role).toBe('admin')
  })

  it('does not let a user promote themselves', async () => {
    const res = await patch(`/api/users/${author.user.id}`, { role: 'admin' }, author)
    const me = await json<{ user: { role: string } }>(await fetch(`${cms}/api/users/me`, { headers: auth(author) }))
    expect([200, 403]).toContain(res.status)
    expect(me.user.role).toBe('author')
  })
})

describe('writes', () => {
  it('refuses anonymous article creation', async () => {
    const res = await post('/api/articles', { title: 'Anonymous', _status: 'draft' })
    expect([401, 403]).toContain(res.status)
    const list = await json<{ totalDocs: number }>(await fetch(`${cms}/api/articles?where[title][equals]=Anonymous`, { headers: auth(admin) }))
    expect(list.totalDocs).toBe(0)
  })

  it('lets an author save a draft but not publish it', async () => {
    const draft = await post('/api/articles?draft=true', { title: 'Author draft', _status: 'draft' }, author)
    expect(draft.status).toBe(201)
    const { doc } = await json<{ doc: { id: number; writers: (number | { id: number })[] } }>(draft)
    expect(doc.writers.map((a) => (typeof a === 'object' ? a.id : a))).toEqual([author.user.id])

    const publish = await patch(`/api/articles/${doc.id}`, { _status: 'published' }, author)
    expect(publish.status).toBe(403)
    const createPublished = await post('/api/articles', { title: 'Author publish', _status: 'published' }, author)
    expect(createPublished.status).toBe(403)

    const anon = await fetch(`${cms}/api/articles/${doc.id}`)
    expect(anon.status).toBe(404)
  })

  it('does not let an author edit an article that is not theirs', async () => {
    const res = await post('/api/articles', { title: 'Editor piece', _status: 'draft' }, editor)
    const { doc } = await json<{ doc: { id: number } }>(res)
    const edit = await patch(`/api/articles/${doc.id}?draft=true`, { title: 'Hijacked', _status: 'draft' }, author)
    expect([403, 404]).toContain(edit.status)
  })

  it('lets an editor publish', async () => {
    const res = await post('/api/articles', { title: 'Editor publishes', _status: 'published' }, editor)
    expect(res.status).toBe(201)
    const { doc } = await json<{ doc: { id: number; slug: string; publishedAt: string } }>(res)
    expect(doc.slug).toBe('editor-publishes')
    expect(doc.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    const anon = await json<{ title: string }>(await fetch(`${cms}/api/articles/${doc.id}`))
    expect(anon.title).toBe('Editor publishes')
  })
})

describe('drafts stay private', () => {
  let id: number
  beforeAll(async () => {
    const created = await json<{ doc: { id: number } }>(await post('/api/articles', { title: 'Published text', summary: 'PUBLISHED SUMMARY', _status: 'published' }, editor))
    id = created.doc.id
    const draft = await patch(`/api/articles/${id}?draft=true`, { summary: 'SECRET DRAFT SUMMARY', _status: 'draft' }, editor)
    expect(draft.status).toBe(200)
  })

  it('serves the published text to anonymous readers while a newer draft exists', async () => {
    const doc = await json<{ summary: string }>(await fetch(`${cms}/api/articles/${id}`))
    expect(doc.summary).toBe('PUBLISHED SUMMARY')
  })

  it('ignores draft=true for anonymous readers, by id and in lists', async () => {
    const byId = await (await fetch(`${cms}/api/articles/${id}?draft=true`)).text()
    expect(byId).toContain('PUBLISHED SUMMARY')
    expect(byId).not.toContain('SECRET DRAFT')
    const list = await (await fetch(`${cms}/api/articles?draft=true&limit=100`)).text()
    expect(list).not.toContain('SECRET DRAFT')
    expect(list).not.toContain('Author draft')
  })

  it('ignores draft: true in GraphQL for anonymous readers', async () => {
    const query = `{ Articles(draft: true, limit: 100) { docs { title summary } } }`
    const res = await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    const text = await res.text()
    expect(text).not.toContain('SECRET DRAFT')
    expect(text).not.toContain('Author draft')
    expect(text).toContain('PUBLISHED SUMMARY')
  })

  it('shows the draft to its editor', async () => {
    const doc = await json<{ summary: string }>(await fetch(`${cms}/api/articles/${id}?draft=true`, { headers: auth(editor) }))
    expect(doc.summary).toBe('SECRET DRAFT SUMMARY')
  })

  it('closes versions and users to anonymous readers', async () => {
    for (const path of ['/api/articles/versions', '/api/sections/versions', '/api/users', `/api/users/${admin.user.id}`]) {
      const res = await fetch(`${cms}${path}`)
      expect([401, 403], path).toContain(res.status)
    }
  })
})
