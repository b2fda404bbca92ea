/**
 * Who may do what in the admin (browser, real servers, one browser context per person):
 * a second editor opening a document the first is editing is told who holds it and kept out
 * (Payload's document locking); an author gets "Submit for review" where editors have Publish, and
 * editors find the request in a review queue that publishing empties; a read-only form says why;
 * the untitled opening section is called "Introduction".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session as ApiSession } from '../../scripts/lib/restApi'
import { adminLogin, FIRST_LOAD_MS, launchBrowser, newSession, screenshot, type Session } from './browser'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'

let stack: Stack
let browser: Browser
let articleId: number
let author: ApiSession
let admin: ApiSession

beforeAll(async () => {
  stack = await startStack({ web: true })
  const seed = await runSeed(stack.env, ['--publish'])
  expect(seed.code, seed.stderr).toBe(0)
  admin = await createFirstAdmin(stack.cms.url)
  await createUser(stack.cms.url, admin, 'editor', 'alice@example.com', 'alice-password-123')
  await createUser(stack.cms.url, admin, 'editor', 'bob@example.com', 'bob-password-123')
  author = await createUser(stack.cms.url, admin, 'author', 'carol@example.com', 'carol-password-123')
  const found = await json<{ docs: { id: number }[] }>(await fetch(`${stack.cms.url}/api/articles?where[slug][equals]=${SLUG}&depth=0`, { headers: auth(admin) }))
  articleId = found.docs[0]!.id
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await stack?.stop()
})

async function openArticle(session: Session, id: number): Promise<void> {
  await session.page.goto(`${stack.cms.url}/admin/collections/articles/${id}`, { timeout: FIRST_LOAD_MS })
  await session.page.locator('textarea[name="summary"], #field-summary').first().waitFor({ timeout: FIRST_LOAD_MS })
}

describe('document locking', () => {
  it('tells the second editor who is editing and keeps them to a read-only view', async () => {
    const alice = await newSession(browser)
    const bob = await newSession(browser)
    await adminLogin(alice.page, stack.cms.url, 'alice@example.com', 'alice-password-123')
    await adminLogin(bob.page, stack.cms.url, 'bob@example.com', 'bob-password-123')

    // Alice starts editing: her first change takes the lock (a form-state request records it).
    await openArticle(alice, articleId)
    const locked = alice.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/collections/articles/'))
    await alice.page.locator('#field-summary').click()
    await alice.page.keyboard.press('End')
    await alice.page.keyboard.type(' Reviewed by Alice.')
    await locked

    // Bob opens the same article: a modal names Alice; he cannot edit behind it.
    await openArticle(bob, articleId)
    const modal = bob.page.locator('.document-locked')
    await modal.waitFor({ timeout: 20_000 })
    expect(await modal.innerText()).toContain('alice@example.com is currently editing this document')
    await screenshot(bob.page, 'admin-document-locked')
    await modal.getByRole('button', { name: 'View read-only' }).click()
    await expect.poll(() => bob.page.locator('#field-summary').isDisabled()).toBe(true)
    // Nothing to save or publish from a read-only view.
    for (const name of ['Save Draft', 'Publish changes']) {
      const button = bob.page.getByRole('button', { name })
      if ((await button.count()) > 0) expect(await button.isDisabled(), name).toBe(true)
    }

    // Alice is not disturbed: her edit is saved as a draft (autosave) while Bob is kept out.
    const draftSummary = async () =>
      (await json<{ summary: string }>(await fetch(`${stack.cms.url}/api/articles/${articleId}?draft=true&depth=0`, { headers: auth(admin) }))).summary
    await expect.poll(draftSummary, { timeout: 20_000 }).toContain('Reviewed by Alice.')
    await alice.context.close()
    await bob.context.close()
  }, 150_000)
})

describe('roles in the admin', () => {
  it('gives an author Save Draft but no Publish button, on their article and on a section', async () => {
    const created = await fetch(`${stack.cms.url}/api/articles?draft=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(author) },
      body: JSON.stringify({ title: 'Microdosing: what the trials say', _status: 'draft' }),
    })
    expect(created.status).toBe(201)
    const { doc } = await json<{ doc: { id: number } }>(created)

    const carol = await newSession(browser)
    await adminLogin(carol.page, stack.cms.url, 'carol@example.com', 'carol-password-123')
    await openArticle(carol, doc.id)
    await carol.page.getByRole('button', { name: 'Save Draft' }).waitFor()
    expect(await carol.page.locator('#action-save').count()).toBe(0)
    expect(await carol.page.getByRole('button', { name: /Publish/ }).count()).toBe(0)
    await screenshot(carol.page, 'admin-author-draft')

    // A section of the author's own article: sections of articles that do not list them are read-only.
    const section = await fetch(`${stack.cms.url}/api/sections?draft=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(author) },
      body: JSON.stringify({ article: doc.id, heading: 'What the trials measured', _status: 'draft' }),
    })
    expect(section.status).toBe(201)
    const sectionId = (await json<{ doc: { id: number } }>(section)).doc.id
    await carol.page.goto(`${stack.cms.url}/admin/collections/sections/${sectionId}`, { timeout: FIRST_LOAD_MS })
    await carol.page.getByRole('button', { name: 'Save Draft' }).waitFor({ timeout: FIRST_LOAD_MS })
    expect(await carol.page.getByRole('button', { name: /Publish/ }).count()).toBe(0)
    await carol.context.close()
  }, 120_000)

  it('lets an author submit a draft for review; editors see the queue, and publishing empties it', async () => {
    const created = await fetch(`${stack.cms.url}/api/articles?draft=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(author) },
      body: JSON.stringify({ title: 'Ketamine and sleep', summary: 'What is known.', _status: 'draft' }),
    })
    expect(created.status).toBe(201)
    const { doc } = await json<{ doc: { id: number } }>(created)
    type Review = { reviewRequestedAt: string | null; reviewRequestedBy: number | null; _status: string }
    const review = async () => json<Review>(await fetch(`${stack.cms.url}/api/articles/${doc.id}?draft=true&depth=0`, { headers: auth(admin) }))

    const carol = await newSession(browser)
    await adminLogin(carol.page, stack.cms.url, 'carol@example.com', 'carol-password-123')
    await openArticle(carol, doc.id)
    const submit = carol.page.getByRole('button', { name: 'Submit for review' })
    await submit.waitFor()
    expect(await carol.page.locator('.submit-for-review .role-note').innerText()).toBe('Editors publish. Submit this draft for review when it is ready.')
    await submit.click()
    await expect.poll(async () => (await review()).reviewRequestedBy).toBe(author.user.id)
    expect((await review())._status).toBe('draft')
    await expect.poll(() => carol.page.locator('.submit-for-review .role-note').innerText()).toMatch(/^Review requested .+\. An editor will publish it\.$/)
    await screenshot(carol.page, 'admin-submit-for-review')
    await carol.context.close()

    const alice = await newSession(browser)
    await adminLogin(alice.page, stack.cms.url, 'alice@example.com', 'alice-password-123')
    const notice = alice.page.locator('.review-queue')
    await notice.waitFor({ timeout: FIRST_LOAD_MS })
    expect(await notice.innerText()).toContain('1 article awaits review.')
    await notice.getByRole('link', { name: 'Open the review queue' }).click()
    const rows = alice.page.locator('.table tbody tr')
    await expect.poll(() => rows.allInnerTexts(), { timeout: FIRST_LOAD_MS }).toEqual([expect.stringContaining('Ketamine and sleep')])

    // Carol's tab closed a moment ago, so her lock has not lapsed yet: the editor takes over.
    await openArticle(alice, doc.id)
    const locked = alice.page.locator('.document-locked')
    await locked.waitFor()
    expect(await locked.innerText()).toContain('carol@example.com is currently editing this document')
    await locked.getByRole('button', { name: 'Take over' }).click()
    await alice.page.getByRole('button', { name: 'Publish changes' }).click()
    await expect.poll(async () => (await review())._status).toBe('published')
    expect(await review()).toMatchObject({ reviewRequestedAt: null, reviewRequestedBy: null })
    await alice.page.goto(`${stack.cms.url}/admin/collections/articles`, { timeout: FIRST_LOAD_MS })
    await alice.page.locator('.table').waitFor({ timeout: FIRST_LOAD_MS })
    expect(await alice.page.locator('.review-queue').count()).toBe(0)
    await alice.context.close()
  }, 180_000)

  it('tells an author why an article they do not write is read-only', async () => {
    const carol = await newSession(browser)
    await adminLogin(carol.page, stack.cms.url, 'carol@example.com', 'carol-password-123')
    await openArticle(carol, articleId)
    const note = carol.page.locator('.role-note--read-only')
    await note.waitFor()
    expect(await note.innerText()).toBe("Read only: only this article's writers and the editors can change it. Editors add writers in the article's sidebar.")
    expect(await carol.page.locator('#field-summary').isDisabled()).toBe(true)
    await carol.context.close()
  }, 120_000)

  it('calls the untitled opening section "Introduction", in lists and in the article', async () => {
    type Row = { title: string; heading: string | null }
    const sections = await json<{ docs: Row[] }>(await fetch(`${stack.cms.url}/api/sections?draft=true&depth=0&where[article][equals]=${articleId}&limit=100`, { headers: auth(admin) }))
    const untitled = sections.docs.filter((s) => !s.heading)
    expect(untitled.length).toBeGreaterThan(0)
    expect(untitled.map((s) => s.title)).toEqual(untitled.map(() => 'Introduction'))
    expect(sections.docs.filter((s) => s.heading).every((s) => s.title === s.heading)).toBe(true)
    // The public API keeps its shape: the title is the admin's name for a section.
    const anonymous = await json<{ docs: Record<string, unknown>[] }>(await fetch(`${stack.cms.url}/api/sections?depth=0&limit=1`))
    expect(anonymous.docs[0]).not.toHaveProperty('title')

    const alice = await newSession(browser)
    await adminLogin(alice.page, stack.cms.url, 'alice@example.com', 'alice-password-123')
    await alice.page.goto(`${stack.cms.url}/admin/collections/sections`, { timeout: FIRST_LOAD_MS })
    await expect.poll(() => alice.page.locator('.table tbody').innerText(), { timeout: FIRST_LOAD_MS }).toContain('Introduction')
    expect(await alice.page.locator('.table tbody').innerText()).not.toMatch(/Untitled|No Heading/)
    await alice.context.close()
  }, 120_000)
})

describe('the sections an article may list', () => {
  it("refuses another article's section on publish, and offers only the article's own and loose ones", async () => {
    const created = await fetch(`${stack.cms.url}/api/articles?depth=0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(admin) },
      body: JSON.stringify({ title: 'Borrowed sections', _status: 'draft' }),
    })
    const other = (await json<{ doc: { id: number } }>(created)).doc.id
    const theirs = await json<{ docs: { id: number }[] }>(await fetch(`${stack.cms.url}/api/sections?depth=0&where[article][equals]=${articleId}&limit=1`, { headers: auth(admin) }))
    const borrowed = theirs.docs[0]!.id
    const res = await fetch(`${stack.cms.url}/api/articles/${other}?depth=0`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth(admin) },
      body: JSON.stringify({ sections: [borrowed], _status: 'published' }),
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('sections')
    const kept = await json<{ article: number }>(await fetch(`${stack.cms.url}/api/sections/${borrowed}?depth=0`, { headers: auth(admin) }))
    expect(kept.article).toBe(articleId)
  }, 60_000)
})
