/**
 * Nothing typed is lost (browser, real servers): an editor adds a section at the end of the
 * article's writing surface and writes it at human speed, with the pauses people make, so autosave
 * lands several times while they type. Every character of the heading and the body must be stored,
 * in one new section, in every one of ten runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { lexicalToText, type LexicalState } from '../../src/richtext'
import { adminLogin, FIRST_LOAD_MS, launchBrowser, newSession } from './browser'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
const RUNS = 10
const BODY_CHARS = 300

let stack: Stack
let browser: Browser
let page: Page
let editor: Session
let articleId: number

type SectionRow = { id: number; heading: string | null; body: LexicalState | null }

async function sectionsNamed(heading: string): Promise<SectionRow[]> {
  const query = `where[heading][equals]=${encodeURIComponent(heading)}&depth=0&draft=true&limit=100`
  return (await json<{ docs: SectionRow[] }>(await fetch(`${stack.cms.url}/api/sections?${query}`, { headers: auth(editor) }))).docs
}

const totalSections = async (): Promise<number> =>
  (await json<{ totalDocs: number }>(await fetch(`${stack.cms.url}/api/sections?limit=1&draft=true`, { headers: auth(editor) }))).totalDocs

/** About 300 characters of plain prose, different in every run. */
function bodyText(run: number): string {
  const words = ['ketamine', 'dose', 'patients', 'reported', 'relief', 'within', 'hours', 'and', 'the', 'effect', 'faded', 'after', 'a', 'week']
  const out: string[] = [`Run ${run}:`]
  for (let i = 0; out.join(' ').length < BODY_CHARS - 12; i++) out.push(words[(i * 7 + run) % words.length]!)
  return `${out.join(' ')}.`.slice(0, BODY_CHARS)
}

/** Type like a person: 40-80 ms per key, and a pause (longer than the autosave interval) now and then. */
async function typeLikeAPerson(text: string): Promise<void> {
  const chunks = text.match(/.{1,70}(\s|$)/g) ?? [text]
  for (const chunk of chunks) {
    for (const ch of chunk) await page.keyboard.type(ch, { delay: 40 + Math.floor(Math.random() * 40) })
    await page.waitForTimeout(2_600)
  }
}

beforeAll(async () => {
  stack = await startStack({ web: true })
  const seed = await runSeed(stack.env, ['--publish'])
  expect(seed.code, seed.stderr).toBe(0)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor', 'typist@example.com', 'typist-password-123')
  const found = await json<{ docs: { id: number }[] }>(await fetch(`${stack.cms.url}/api/articles?where[slug][equals]=${SLUG}&depth=0`, { headers: auth(editor) }))
  articleId = found.docs[0]!.id
  browser = await launchBrowser()
  page = (await newSession(browser)).page
  // Leaving the article between runs must not be held up by a "leave without saving?" prompt.
  page.on('dialog', (dialog) => void dialog.accept())
  await adminLogin(page, stack.cms.url, 'typist@example.com', 'typist-password-123')
})

afterAll(async () => {
  await browser?.close()
  await stack?.stop()
})

describe('the first autosave of a new section', () => {
  it('leaves its body editor in place: the caret stays, and keys typed after it land', async () => {
    await page.goto(`${stack.cms.url}/admin/collections/articles/${articleId}`, { timeout: FIRST_LOAD_MS })
    const rows = page.locator('.article-text .array-field__row')
    await rows.first().locator('[data-lexical-editor="true"]').waitFor({ timeout: FIRST_LOAD_MS })
    const index = await rows.count()
    await page.getByRole('button', { name: 'Add Section' }).click()
    const heading = page.locator(`#field-text__${index}__heading`)
    await heading.click({ timeout: FIRST_LOAD_MS })
    // The heading starts an autosave (it creates the section); the caret moves into the body before
    // that save has answered, as it does when someone writes on.
    const autosaved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/articles/${articleId}?`) && r.url().includes('autosave=true'), { timeout: 60_000 })
    await page.keyboard.type('Caret test', { delay: 20 })
    const body = rows.nth(index).locator('[data-lexical-editor="true"]')
    await body.click()
    await body.evaluate((el) => el.setAttribute('data-typing-probe', ''))
    await autosaved
    // The admin turns the save's answer into form state with one more request; wait for it to land.
    await page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/admin/collections/articles/${articleId}`), { timeout: 60_000 })
    await expect.poll(() => sectionsNamed('Caret test').then((found) => found.length), { timeout: 20_000 }).toBe(1)

    const editor = rows.nth(index).locator('[data-lexical-editor="true"]')
    expect(await editor.evaluate((el) => el.hasAttribute('data-typing-probe')), 'the same editor element').toBe(true)
    expect(await editor.evaluate((el) => el.contains(document.activeElement)), 'the caret is still in the body').toBe(true)
    await page.keyboard.type('Typed after the save.', { delay: 20 })
    expect(await editor.innerText()).toBe('Typed after the save.')
    await expect.poll(async () => (await sectionsNamed('Caret test')).map((s) => lexicalToText(s.body).trim()), { timeout: 20_000 }).toEqual(['Typed after the save.'])
  }, 240_000)
})

describe('typing into a new section of the article', () => {
  // One test per run, so a loss names its run and a slow machine cannot hide which runs passed.
  for (let run = 1; run <= RUNS; run++) {
    it(`run ${run} of ${RUNS}: every character typed into a new section is stored, through autosaves`, async () => {
      await page.goto(`${stack.cms.url}/admin/collections/articles/${articleId}`, { timeout: FIRST_LOAD_MS })
      const rows = page.locator('.article-text .array-field__row')
      await rows.first().locator('[data-lexical-editor="true"]').waitFor({ timeout: FIRST_LOAD_MS })
      const before = await totalSections()
      const index = await rows.count()
      let autosaves = 0
      const count = (r: { request(): { method(): string }; url(): string }) => {
        if (r.request().method() === 'PATCH' && new RegExp(`/api/articles/${articleId}\\?.*autosave=true`).test(r.url())) autosaves++
      }
      page.on('response', count)

      const heading = `Human speed test ${run}`
      const body = bodyText(run)
      await page.getByRole('button', { name: 'Add Section' }).click()
      await page.locator(`#field-text__${index}__heading`).click({ timeout: FIRST_LOAD_MS })
      await typeLikeAPerson(heading)
      const editorBody = rows.nth(index).locator('[data-lexical-editor="true"]')
      await editorBody.click()
      await editorBody.evaluate((el) => el.setAttribute('data-typing-probe', ''))
      await typeLikeAPerson(body)

      // What the editor sees, and then what is stored once the last autosave has landed. A
      // mismatch says where the keys went: still the same editor element (or one remounted over
      // it), the heading, or wherever the focus is.
      const seen = await editorBody.innerText()
      if (seen !== body) {
        const where = {
          sameEditor: await editorBody.evaluate((el) => el.hasAttribute('data-typing-probe')),
          heading: await page.locator(`#field-text__${index}__heading`).inputValue(),
          focus: await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160) ?? null),
          stored: await sectionsNamed(heading).then((rows) => rows.map((s) => lexicalToText(s.body).trim().slice(0, 80))),
          autosaves,
        }
        expect(seen, JSON.stringify(where)).toBe(body)
      }
      const stored = async () => (await sectionsNamed(heading)).map((s) => `${s.heading}|${lexicalToText(s.body).trim()}`)
      await expect.poll(stored, { timeout: 20_000 }).toEqual([`${heading}|${body}`])
      page.off('response', count)
      expect(autosaves, 'autosaves while typing').toBeGreaterThanOrEqual(2)
      // One new section per new row, never a second empty one.
      expect(await totalSections(), 'sections created').toBe(before + 1)
    }, 240_000)
  }
})
