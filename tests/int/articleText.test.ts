/**
 * The article's text in one place, over the real REST API: the article holds its sections as rows
 * (staff only); saving rows writes the Section documents in the same transaction (drafts until
 * published, a new row a new section, a removed row detached and unpublished); a row saved over a
 * newer version of its section is refused with 409 and nothing changes; the article's versions hold
 * the whole text, and restoring one brings back that text and order as a draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { lexicalToText, type LexicalState } from '../../src/richtext'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
const SEEDED = [
  '',
  'Understanding the Mechanisms of Ketamine',
  'Clinical Efficacy: Hope for Treatment-Resistant Conditions',
  'Addressing Challenges and Seeking Improvements',
  'The Way Forward: Toward a Promising Future',
]

type Row = { id?: string; section?: string | null; basedOn?: string | null; heading?: string | null; body?: LexicalState | null }
type Article = { id: number; updatedAt: string; _status: string; sections: number[]; text?: Row[] }
type Assembled = { sections: { id: number; heading: string | null; text: string }[] }

let stack: Stack
let editor: Session
let articleId: number
let original: Assembled

const paragraph = (text: string): LexicalState =>
  ({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] }],
    },
  }) as unknown as LexicalState

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${stack.cms.url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...auth(editor), ...(init.headers ?? {}) } })
const draftArticle = async (): Promise<Article> => json<Article>(await api(`/api/articles/${articleId}?draft=true&depth=0`))
const reader = async (): Promise<Assembled> => json<Assembled>(await fetch(`${stack.cms.url}/api/articles/by-slug/${SLUG}`))
const save = (article: Article, data: Record<string, unknown>, publish = false) =>
  api(`/api/articles/${articleId}?depth=0${publish ? '' : '&draft=true'}`, {
    method: 'PATCH',
    body: JSON.stringify({ ...data, updatedAt: article.updatedAt, _status: publish ? 'published' : 'draft' }),
  })

beforeAll(async () => {
  stack = await startStack()
  const seed = await runSeed(stack.env, ['--publish'])
  expect(seed.code, seed.stderr).toBe(0)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor')
  articleId = (await json<{ docs: Article[] }>(await api(`/api/articles?where[slug][equals]=${SLUG}&depth=0`))).docs[0]!.id
  original = await reader()
})
afterAll(() => stack?.stop())

describe('the article holds its text', () => {
  it('gives staff every section as a row, in reading order, and anonymous callers no rows', async () => {
    const article = await draftArticle()
    expect(article.text!.map((r) => r.heading)).toEqual(SEEDED)
    expect(article.text!.map((r) => Number(r.section))).toEqual(article.sections)
    expect(article.text!.map((r) => lexicalToText(r.body!).trim())).toEqual(original.sections.map((s) => s.text.trim()))
    expect(article.text!.every((r) => typeof r.basedOn === 'string')).toBe(true)

    // Payload answers a field its reader may not see with an empty list.
    const anonymous = await json<Record<string, unknown>>(await fetch(`${stack.cms.url}/api/articles/${articleId}?depth=0`))
    expect(anonymous.text ?? []).toEqual([])
  })

  it('saves edited, added and removed rows as section drafts in one save; readers see nothing new', async () => {
    const article = await draftArticle()
    const rows = article.text!.map((r) => ({ ...r }))
    rows[2] = { ...rows[2]!, body: paragraph('An edited third section.') }
    const [removed] = rows.splice(3, 1)
    rows.splice(2, 0, { heading: 'A section added between two', body: paragraph('A new paragraph.') })
    const res = await save(article, { text: rows })
    expect(res.status).toBe(200)

    const saved = await draftArticle()
    expect(saved.text!.map((r) => r.heading)).toEqual([SEEDED[0], SEEDED[1], 'A section added between two', SEEDED[2], SEEDED[4]])
    expect(saved.sections.map(String)).toEqual(saved.text!.map((r) => r.section))
    // The new section exists as a draft of this article; the edit is a draft version of its section.
    const added = await json<{ article: number; _status: string }>(await api(`/api/sections/${saved.text![2]!.section}?draft=true&depth=0`))
    expect(added).toMatchObject({ article: articleId, _status: 'draft' })
    expect((await fetch(`${stack.cms.url}/api/sections/${saved.text![2]!.section}`)).status).toBe(404)
    // The removed section no longer belongs to the article and is no longer public.
    expect((await fetch(`${stack.cms.url}/api/sections/${removed!.section}`)).status).toBe(404)
    expect(await json(await api(`/api/sections/${removed!.section}?draft=true&depth=0`))).toMatchObject({ article: null })

    // Readers: the published text, minus the removed section, nothing added or edited.
    const now = await reader()
    expect(now.sections.map((s) => s.heading ?? '')).toEqual([SEEDED[0], SEEDED[1], SEEDED[2], SEEDED[4]])
    expect(now.sections[2]!.text).toBe(original.sections[2]!.text)
  })

  it('refuses with 409 a row saved over a newer version of its section, and changes nothing', async () => {
    const article = await draftArticle()
    const sectionId = article.text![1]!.section!
    const theirs = await api(`/api/sections/${sectionId}?draft=true&depth=0`, { method: 'PATCH', body: JSON.stringify({ body: paragraph('Their sentence.'), _status: 'draft' }) })
    expect(theirs.status).toBe(200)

    const rows = article.text!.map((r) => ({ ...r }))
    rows[1] = { ...rows[1]!, body: paragraph('My sentence, typed over an old copy.') }
    const res = await save(article, { text: rows })
    expect(res.status).toBe(409)
    const body = await json<{ errors: { message: string; data: { fields: string[] } }[] }>(res)
    expect(body.errors[0]!.message).toContain(SEEDED[1])
    expect(body.errors[0]!.data.fields).toEqual(['text.1'])
    const after = await json<{ body: LexicalState }>(await api(`/api/sections/${sectionId}?draft=true&depth=0`))
    expect(lexicalToText(after.body).trim()).toBe('Their sentence.')

    // A row the editor did not touch simply takes the newer text.
    const untouched = article.text!.map((r) => ({ ...r }))
    untouched[0] = { ...untouched[0]!, body: paragraph('An edited introduction.') }
    expect((await save(article, { text: untouched })).status).toBe(200)
    expect(lexicalToText((await draftArticle()).text![1]!.body!).trim()).toBe('Their sentence.')
  })

  it('publishes the article and every changed section together', async () => {
    const article = await draftArticle()
    expect((await save(article, { text: article.text }, true)).status).toBe(200)
    const now = await reader()
    expect(now.sections.map((s) => s.heading ?? '')).toEqual([SEEDED[0], SEEDED[1], 'A section added between two', SEEDED[2], SEEDED[4]])
    expect(now.sections.map((s) => s.text.trim())).toEqual([
      'An edited introduction.',
      'Their sentence.',
      'A new paragraph.',
      'An edited third section.',
      original.sections[4]!.text.trim(),
    ])
  })

  it("takes the next edit after a publish as the editor's own, not as a conflict with the publish", async () => {
    const article = await draftArticle()
    const rows = article.text!.map((r) => ({ ...r }))
    rows[4] = { ...rows[4]!, body: paragraph('A draft of the last section.') }
    const drafted = await json<{ doc: Article }>(await save(article, { text: rows }))
    // Published as it stands: the section's draft is published by this save.
    const published = await json<{ doc: Article }>(await save(drafted.doc, { text: drafted.doc.text }, true))
    const next = published.doc.text!.map((r) => ({ ...r }))
    next[4] = { ...next[4]!, body: paragraph('The last section, edited after the publish.') }
    const res = await save(published.doc, { text: next })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(lexicalToText((await draftArticle()).text![4]!.body!).trim()).toBe('The last section, edited after the publish.')
    // Published again, so the tests after this one start from a published article.
    const again = await draftArticle()
    expect((await save(again, { text: again.text }, true)).status).toBe(200)
  })

  it('lets a REST client reorder with the section list alone; the rows follow', async () => {
    const article = await draftArticle()
    const reversed = [...article.sections].reverse()
    expect((await save(article, { sections: reversed })).status).toBe(200)
    const saved = await draftArticle()
    expect(saved.sections).toEqual(reversed)
    expect(saved.text!.map((r) => Number(r.section))).toEqual(reversed)
    expect(saved.text!.map((r) => r.heading)).toEqual([...article.text!.map((r) => r.heading)].reverse())
  })

  it('restores the seeded version: its text and order come back as a draft, and publishing it gives readers the original', async () => {
    const versions = await json<{ docs: { id: string | number; version: { _status: string; text?: Row[] } }[] }>(
      await api(`/api/articles/versions?where[parent][equals]=${articleId}&sort=createdAt&limit=100&depth=0`),
    )
    const seeded = versions.docs.find((v) => v.version._status === 'published')!
    expect(seeded.version.text!.map((r) => r.heading)).toEqual(SEEDED)

    const restored = await api(`/api/articles/versions/${seeded.id}?draft=true&depth=0`, { method: 'POST' })
    expect(restored.status).toBe(200)
    const draft = await draftArticle()
    expect(draft.text!.map((r) => r.heading)).toEqual(SEEDED)
    expect(draft.text!.map((r) => lexicalToText(r.body!).trim())).toEqual(original.sections.map((s) => s.text.trim()))
    // A draft: readers still have the published edits.
    expect((await reader()).sections.map((s) => s.text.trim())[0]).toBe('An edited introduction.')

    expect((await save(draft, { text: draft.text }, true)).status).toBe(200)
    const now = await reader()
    expect(now.sections.map((s) => [s.heading, s.text])).toEqual(original.sections.map((s) => [s.heading, s.text]))
    // The section added after the seeded version is off the article again, and not public.
    const addedId = (await json<{ docs: { id: number }[] }>(await api(`/api/sections?where[heading][equals]=${encodeURIComponent('A section added between two')}&draft=true&depth=0`))).docs[0]!.id
    expect((await fetch(`${stack.cms.url}/api/sections/${addedId}`)).status).toBe(404)
  })
})

describe('live preview', () => {
  const preview = (body: unknown, session: Session | null = editor) =>
    fetch(`${stack.cms.url}/api/articles/live-preview`, { method: 'POST', headers: { 'content-type': 'application/json', ...(session ? auth(session) : {}) }, body: JSON.stringify(body) })

  it('assembles the article from unsaved rows, numbered as readers would see it, and stores nothing', async () => {
    const article = await draftArticle()
    const rows = article.text!.map((r) => ({ section: r.section, heading: r.heading, body: r.body }))
    rows.splice(1, 0, { section: null, heading: 'Typed, not saved', body: paragraph('A sentence being typed.') })
    const res = await preview({ slug: SLUG, live: { title: 'A title being typed', text: rows } })
    expect(res.status).toBe(200)
    const live = await json<Assembled & { title: string }>(res)
    expect(live.title).toBe('A title being typed')
    expect(live.sections.map((s) => s.heading ?? '')).toEqual(rows.map((r) => r.heading ?? ''))
    expect(live.sections[1]!.text.trim()).toBe('A sentence being typed.')
    expect((await draftArticle()).text!.map((r) => r.heading)).toEqual(article.text!.map((r) => r.heading))
  })

  it('is for staff only, and names what is wrong with a bad request', async () => {
    expect((await preview({ slug: SLUG, live: {} }, null)).status).toBe(401)
    const bad = await preview({ slug: SLUG, live: { text: [{ heading: 3 }] } })
    expect(bad.status).toBe(400)
    expect((await json<{ errors: { message: string }[] }>(bad)).errors[0]!.message).toContain('live.text.0.heading')
    expect((await preview({ slug: 'no-such-article', live: {} })).status).toBe(404)
  })
})
