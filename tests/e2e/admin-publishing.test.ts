/**
 * Publishing beyond the Publish button (browser, real servers): scheduled publishing from
 * the Publish menu really fires (the jobs cron runs inside the CMS: JOBS_AUTORUN=true here), an
 * editor records when the medical content was last reviewed, and live preview shows the reader
 * page, in draft mode, beside the editor.
 *
 * The schedule is set first and checked last: the cron fires on the minute, so the other tests run
 * while it waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Frame, Page } from 'playwright-core'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { closeBrowserAndStack, EDITOR, FIRST_LOAD_MS, screenshot, signedInBrowser } from './browser'

const SEEDED = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'

let stack: Stack
let editor: Session
let browser: Browser
let page: Page
let seededId: number
let scheduled: { id: number; slug: string; at: Date }

const paragraph = (text: string) => ({
  root: {
    type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
    children: [{ type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }],
  },
})

async function api<T>(path: string, method: string, body: unknown): Promise<T> {
  const res = await fetch(`${stack.cms.url}${path}`, { method, headers: { 'content-type': 'application/json', ...auth(editor) }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return json<T>(res)
}

/** "Nov 27, 2026 12:38 PM": what the admin's day-and-time picker accepts when typed (browser in UTC). */
const pickerText = (d: Date): string =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', hour12: true })
    .format(d)
    .replace(' at ', ' ')
    .replace(/,(?= \d+:)/, '')

beforeAll(async () => {
  stack = await startStack({ web: true, env: { JOBS_AUTORUN: 'true' } })
  const seed = await runSeed(stack.env, ['--publish'])
  expect(seed.code, seed.stderr).toBe(0)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor', EDITOR.email, EDITOR.password)
  const found = await json<{ docs: { id: number }[] }>(await fetch(`${stack.cms.url}/api/articles?where[slug][equals]=${SEEDED}&depth=0`, { headers: auth(editor) }))
  seededId = found.docs[0]!.id

  // An unpublished article with one draft section, to be published by the scheduler.
  const { doc: article } = await api<{ doc: { id: number; slug: string } }>('/api/articles?draft=true', 'POST', { title: 'Psilocybin and end-of-life anxiety', _status: 'draft' })
  const { doc: section } = await api<{ doc: { id: number } }>('/api/sections?draft=true', 'POST', { heading: 'Background', body: paragraph('Scheduled text goes live on the minute.'), article: article.id, _status: 'draft' })
  await api(`/api/articles/${article.id}?draft=true`, 'PATCH', { sections: [section.id], _status: 'draft' })
  scheduled = { id: article.id, slug: article.slug, at: new Date(0) }

  const signedIn = await signedInBrowser(stack.cms.url, EDITOR.email, EDITOR.password)
  browser = signedIn.browser
  page = signedIn.page
})

afterAll(() => closeBrowserAndStack(browser, stack))

describe('publishing workflow', () => {
  it('schedules a publish from the Publish menu', async () => {
    await page.goto(`${stack.cms.url}/admin/collections/articles/${scheduled.id}`, { timeout: FIRST_LOAD_MS })
    await page.locator('#field-summary').waitFor({ timeout: FIRST_LOAD_MS })
    await page.locator('#action-save-popup button').click()
    await page.getByRole('button', { name: 'Schedule Publish' }).click()
    const drawer = page.locator('.schedule-publish')
    await drawer.getByText('Publish', { exact: true }).click()
    // The next whole minute at least 20 s away: the picker has minute precision, the cron fires on the minute.
    scheduled.at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000)
    const input = drawer.locator('.react-datepicker__input-container input')
    await input.click()
    await input.fill(pickerText(scheduled.at))
    await page.keyboard.press('Enter')
    await drawer.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => drawer.locator('table').innerText()).toContain('Publish')
    await screenshot(page, 'admin-schedule-publish')
    expect((await fetch(`${stack.cms.url}/api/articles/${scheduled.id}`)).status).toBe(404)
  }, 90_000)

  it('lets an editor record when the medical content was last reviewed', async () => {
    await page.goto(`${stack.cms.url}/admin/collections/articles/${seededId}`, { timeout: FIRST_LOAD_MS })
    const field = page.locator('#field-lastReviewedAt input')
    await field.waitFor({ timeout: FIRST_LOAD_MS })
    await field.click()
    await field.fill('11/20/2026')
    await page.keyboard.press('Enter')
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/articles/${seededId}?`) && !r.url().includes('draft=true'))
    await page.getByRole('button', { name: 'Publish changes' }).click()
    expect((await saved).status()).toBe(200)
    const published = await json<{ lastReviewedAt: string }>(await fetch(`${stack.cms.url}/api/articles/${seededId}?depth=0`))
    expect(published.lastReviewedAt).toMatch(/^2026-11-20T/)
  }, 90_000)

  it('shows the article as Changed while a section has a draft, and Publish publishes the section', async () => {
    const article = await json<{ sections: number[] }>(await fetch(`${stack.cms.url}/api/articles/${seededId}?depth=0`))
    const sectionId = article.sections[1]!
    const sentence = 'A sentence only the section draft holds.'
    const draft = await json<{ body: { root: { children: unknown[] } } }>(await fetch(`${stack.cms.url}/api/sections/${sectionId}?draft=true&depth=0`, { headers: auth(editor) }))
    draft.body.root.children.push(paragraph(sentence).root.children[0])
    await api(`/api/sections/${sectionId}?draft=true`, 'PATCH', { body: draft.body, _status: 'draft' })
    const readerPage = async () => (await fetch(`${stack.web!.url}/articles/${SEEDED}`)).text()
    expect(await readerPage()).not.toContain(sentence)

    await page.goto(`${stack.cms.url}/admin/collections/articles/${seededId}`, { timeout: FIRST_LOAD_MS })
    await expect.poll(() => page.locator('.status__value').innerText(), { timeout: FIRST_LOAD_MS }).toBe('Changed')
    // The writing surface opens on the section's draft, not the published text.
    await expect.poll(() => page.locator('.article-text .array-field__row').nth(1).locator('[data-lexical-editor="true"]').innerText(), { timeout: FIRST_LOAD_MS }).toContain(sentence)
    const publish = page.getByRole('button', { name: 'Publish changes' })
    expect(await publish.isEnabled()).toBe(true)
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/articles/${seededId}?`) && !r.url().includes('draft=true'))
    await publish.click()
    expect((await saved).status()).toBe(200)

    await expect.poll(() => page.locator('.status__value').innerText()).toBe('Published')
    await expect.poll(() => publish.isEnabled()).toBe(false)
    const section = await json<{ _status: string; body: unknown }>(await fetch(`${stack.cms.url}/api/sections/${sectionId}?depth=0`))
    expect(section._status).toBe('published')
    expect(JSON.stringify(section.body)).toContain(sentence)
    await expect.poll(readerPage, { timeout: 10_000 }).toContain(sentence)
  }, 90_000)

  it('shows the reader page in draft mode beside the editor (live preview)', async () => {
    // A saved draft the public page must not show yet.
    await api(`/api/articles/${seededId}?draft=true`, 'PATCH', { summary: 'A DRAFT SUMMARY FOR PREVIEW.', _status: 'draft' })
    expect(await (await fetch(`${stack.web!.url}/articles/${SEEDED}`)).text()).not.toContain('A DRAFT SUMMARY FOR PREVIEW.')

    await page.goto(`${stack.cms.url}/admin/collections/articles/${seededId}`, { timeout: FIRST_LOAD_MS })
    await page.locator('#live-preview-toggler').click({ timeout: FIRST_LOAD_MS })
    const web = new URL(stack.web!.url).host
    await expect.poll(() => page.frames().some((f) => f.url().includes(web)), { timeout: 20_000 }).toBe(true)
    const frame = page.frames().find((f) => f.url().includes(web)) as Frame
    const body = () => frame.locator('body').innerText().catch(() => '')
    await expect.poll(async () => /A DRAFT SUMMARY FOR PREVIEW\.|Log in to the CMS/.test(await body()), { timeout: 20_000 }).toBe(true)
    // "Log in to the CMS" here means the reader site could not confirm the editor's session (its
    // /api/preview check), so draft mode never switched on.
    expect(await body(), 'the reader site refused the editor session in live preview').toContain('A DRAFT SUMMARY FOR PREVIEW.')
    await screenshot(page, 'admin-live-preview')

    // While typing: the preview follows the unsaved text, before any autosave could land.
    const editor = page.locator('.article-text .array-field__row').nth(1).locator('[data-lexical-editor="true"]')
    await editor.click()
    await page.keyboard.press('Control+End')
    const typed = ' Typed for the live preview.'
    const started = Date.now()
    await page.keyboard.type(typed)
    const typedAt = Date.now()
    // textContent: sections off screen are not laid out (content-visibility), so innerText skips them.
    const article = () => frame.locator('article.article').textContent().catch(() => '')
    await expect.poll(article, { timeout: 10_000 }).toContain(typed.trim())
    console.log(`[admin-publishing] last keystroke -> live preview shows it: ${Date.now() - typedAt} ms (typing took ${typedAt - started} ms)`)
    // Still the reader's markup: the section keeps its heading and the reference list its entries.
    expect(await frame.locator('article.article h2').allTextContents()).toContain('Understanding the Mechanisms of Ketamine')
    expect(await article()).toContain('Zarate')
  }, 90_000)

  it('publishes the scheduled article on time, with its section, for readers', async () => {
    const deadline = scheduled.at.getTime() + 75_000
    let publishedAt: number | null = null
    while (Date.now() < deadline) {
      if ((await fetch(`${stack.cms.url}/api/articles/${scheduled.id}?depth=0`)).status === 200) {
        publishedAt = Date.now()
        break
      }
      await new Promise((r) => setTimeout(r, 500))
    }
    expect(publishedAt, 'the scheduled publish did not fire').not.toBeNull()
    console.log(`[admin-publishing] scheduled for ${scheduled.at.toISOString()}, public ${((publishedAt! - scheduled.at.getTime()) / 1000).toFixed(1)} s later`)
    expect(publishedAt!).toBeGreaterThanOrEqual(scheduled.at.getTime() - 1_000)
    const html = await (await fetch(`${stack.web!.url}/articles/${scheduled.slug}`)).text()
    expect(html).toContain('Scheduled text goes live on the minute.')
  }, 150_000)
})
