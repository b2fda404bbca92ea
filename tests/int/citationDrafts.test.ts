/**
 * Citation drafts over the real REST API: a correction saved as a draft is kept in the citation's
 * history and reaches no reader (list, find-by-id, the article's reference list) until it is
 * published, by itself or by publishing an article that cites it; recomputing who may read a
 * citation never publishes a pending draft; a write that asks for no draft publishes, as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
const CORRECTED = '10.1000/corrected.zarate.2006'

let stack: Stack
let editor: Session
let articleId: number
let zarate: { id: number; doi: string | null }

type Citation = { id: number; doi: string | null; _status: string; isPublic?: boolean }

const send = async (method: string, path: string, body: unknown): Promise<Response> =>
  fetch(`${stack.cms.url}${path}`, { method, headers: { 'content-type': 'application/json', ...auth(editor) }, body: JSON.stringify(body) })
const anonymous = (path: string) => fetch(`${stack.cms.url}${path}`)
const asEditor = async <T>(path: string): Promise<T> => json<T>(await fetch(`${stack.cms.url}${path}`, { headers: auth(editor) }))
/** The DOI the article's reference list prints for Zarate, as the reader site gets it. */
const readerDoi = async (): Promise<string | null | undefined> => {
  const article = await json<{ citations: { label: string; doi: string | null }[] }>(await anonymous(`/api/articles/by-slug/${SLUG}`))
  return article.citations.find((c) => c.label === 'Zarate et al. (2006)')?.doi
}

beforeAll(async () => {
  stack = await startStack()
  const seed = await runSeed(stack.env, ['--publish'])
  expect(seed.code, seed.stderr).toBe(0)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor')
  articleId = (await asEditor<{ docs: { id: number }[] }>(`/api/articles?where[slug][equals]=${SLUG}&depth=0`)).docs[0]!.id
  zarate = (await asEditor<{ docs: Citation[] }>(`/api/citations?where[label][equals]=${encodeURIComponent('Zarate et al. (2006)')}&depth=0`)).docs[0]!
  expect(zarate.doi).toBeTruthy()
})
afterAll(() => stack?.stop())

describe('citation drafts', () => {
  it('keeps a saved draft out of every public read and in the history', async () => {
    const res = await send('PATCH', `/api/citations/${zarate.id}?draft=true`, { doi: CORRECTED, _status: 'draft' })
    expect(res.status).toBe(200)

    expect((await json<Citation>(await anonymous(`/api/citations/${zarate.id}`))).doi).toBe(zarate.doi)
    const listed = await json<{ docs: Citation[] }>(await anonymous(`/api/citations?where[id][equals]=${zarate.id}`))
    expect(listed.docs.map((c) => c.doi)).toEqual([zarate.doi])
    expect(await readerDoi()).toBe(zarate.doi)
    // A draft request from a reader is read as a published one.
    expect((await json<Citation>(await anonymous(`/api/citations/${zarate.id}?draft=true`))).doi).toBe(zarate.doi)

    expect(await asEditor<Citation>(`/api/citations/${zarate.id}?draft=true&depth=0`)).toMatchObject({ doi: CORRECTED, _status: 'draft' })
    expect(await asEditor<Citation>(`/api/citations/${zarate.id}?depth=0`)).toMatchObject({ doi: zarate.doi, _status: 'published' })
    const history = await asEditor<{ docs: { version: Citation }[] }>(`/api/citations/versions?where[parent][equals]=${zarate.id}&sort=-updatedAt&depth=0`)
    expect(history.docs[0]?.version).toMatchObject({ doi: CORRECTED, _status: 'draft' })
  })

  it('hides and shows the citation with its article without publishing the draft', async () => {
    expect((await send('PATCH', `/api/articles/${articleId}`, { _status: 'draft' })).status).toBe(200)
    expect((await anonymous(`/api/citations/${zarate.id}`)).status).toBe(404)
    expect(await asEditor<Citation>(`/api/citations/${zarate.id}?depth=0`)).toMatchObject({ doi: zarate.doi, _status: 'published', isPublic: false })
    expect(await asEditor<Citation>(`/api/citations/${zarate.id}?draft=true&depth=0`)).toMatchObject({ doi: CORRECTED, _status: 'draft' })
  })

  it('publishing the article publishes the drafts of the citations it cites', async () => {
    expect((await send('PATCH', `/api/articles/${articleId}`, { _status: 'published' })).status).toBe(200)
    expect(await json<Citation>(await anonymous(`/api/citations/${zarate.id}`))).toMatchObject({ doi: CORRECTED })
    await expect.poll(readerDoi).toBe(CORRECTED)
    expect(await asEditor<Citation>(`/api/citations/${zarate.id}?draft=true&depth=0`)).toMatchObject({ doi: CORRECTED, _status: 'published', isPublic: true })
  })

  it('publishes a write that asks for no draft, and keeps a draft-only citation from readers', async () => {
    const published = await send('POST', '/api/citations', { label: 'Murrough et al. (2013)', firstAuthor: 'Murrough', year: 2013 })
    expect(published.status).toBe(201)
    expect((await json<{ doc: Citation }>(published)).doc._status).toBe('published')

    const drafted = await send('POST', '/api/citations?draft=true', { label: 'Phillips et al. (2019)', firstAuthor: 'Phillips', year: 2019, _status: 'draft' })
    expect(drafted.status).toBe(201)
    const { doc } = await json<{ doc: Citation }>(drafted)
    expect(doc._status).toBe('draft')
    expect((await anonymous(`/api/citations/${doc.id}`)).status).toBe(404)
    // Correcting a published citation over the API without asking for a draft publishes at once.
    const fixed = await send('PATCH', `/api/citations/${zarate.id}`, { pages: '856-864' })
    expect(fixed.status).toBe(200)
    expect(await json<Citation & { pages: string }>(await anonymous(`/api/citations/${zarate.id}`))).toMatchObject({ pages: '856-864', doi: CORRECTED })
  })

  it('a section published after autosave stored the removal of its markers takes those citations off the article', async () => {
    type Node = { type: string; children?: Node[] }
    const withoutMarkers = (node: Node): Node => ({ ...node, ...(node.children ? { children: node.children.filter((c) => c.type !== 'inlineBlock').map(withoutMarkers) } : {}) })
    const labels = async () => (await asEditor<{ citations: { label: string }[] }>(`/api/articles/${articleId}?draft=true&depth=1`)).citations.map((c) => c.label)
    const article = await asEditor<{ sections: number[] }>(`/api/articles/${articleId}?depth=0`)
    const sections = await Promise.all(article.sections.map((id) => asEditor<{ id: number; body: { root: Node } }>(`/api/sections/${id}?draft=true&depth=0`)))
    const section = sections.find((s) => JSON.stringify(s.body).includes('"inlineBlock"'))!
    const sectionId = section.id
    const before = await labels()
    expect(before).toContain('Zarate et al. (2006)')

    const body = { root: withoutMarkers(section.body.root) }
    expect((await send('PATCH', `/api/sections/${sectionId}?draft=true&autosave=true`, { body, _status: 'draft' })).status).toBe(200)
    // Autosave leaves the article's list alone (no article version per pause in typing).
    expect(await labels()).toEqual(before)
    // The publish carries the body autosave already stored: the list follows it all the same.
    expect((await send('PATCH', `/api/sections/${sectionId}`, { body, _status: 'published' })).status).toBe(200)
    const after = await labels()
    expect(after).not.toContain('Zarate et al. (2006)')
    expect(after.length).toBeLessThan(before.length)
    await expect.poll(async () => (await json<{ citations: { label: string }[] }>(await anonymous(`/api/articles/by-slug/${SLUG}`))).citations.map((c) => c.label)).toEqual(after)
  })
})
