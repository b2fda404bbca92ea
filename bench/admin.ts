/**
 * Admin screens: how long an editor waits for each screen they work in to be usable, in Chromium
 * against the production CMS, once the admin has loaded. Two ways in: clicking the link an editor
 * clicks (a dashboard card, a list row), which is how a working day moves between screens, and a
 * full page load (a bookmark, a reload), which parses the admin's scripts again. "Usable" is the
 * screen's own ready state: a list's table, an edit form Payload marks ready (and, for a section,
 * its rich-text editor).
 *
 * Then live preview while typing: in the article's edit view with the preview beside it, from the
 * last keystroke of a few typed words to the preview frame showing them (the reader site's render of
 * the unsaved text, not a save).
 */
import type { Page } from 'playwright-core'
import { launchChromium } from '../scripts/lib/chromium'
import { auth, createUser, json, type Session } from '../scripts/lib/restApi'
import { percentile } from './stats'

export interface AdminScreenTiming {
  screen: string
  path: string
  /** The first visit of this screen, by its link (the admin's scripts are already cached by then). */
  firstMs: number
  /** Later visits by clicking the link that leads there, one at a time. */
  warmMs: number[]
  /** Later visits by a full page load. */
  loadMs: number[]
}

export interface AdminTimings {
  screens: AdminScreenTiming[]
  /** Last keystroke to the words in the preview frame, one sample per typed burst. */
  livePreviewMs: number[]
}

/** `from`: a screen with a link to this one (`path`), which an editor clicks. */
type Screen = { screen: string; path: string; ready: string; from: string }

const EDIT_READY = 'form[data-form-ready="true"]'
const LIST_READY = '.collection-list table, .collection-list__no-results'

async function screensOf(cmsUrl: string, slug: string, admin: Session): Promise<Screen[]> {
  const headers = auth(admin)
  const article = (await json<{ docs: { id: string | number; sections: (string | number)[]; citations: (string | number)[] }[] }>(await fetch(`${cmsUrl}/api/articles?where[slug][equals]=${slug}&depth=0&draft=true`, { headers }))).docs[0]
  if (!article) throw new Error(`admin bench: no article "${slug}"`)
  const section = article.sections[Math.min(2, article.sections.length - 1)]
  const citation = article.citations[0]
  const list = (slug: string) => `/admin/collections/${slug}`
  return [
    { screen: 'Dashboard', path: '/admin', ready: '.dashboard', from: list('articles') },
    { screen: 'Articles list', path: list('articles'), ready: LIST_READY, from: '/admin' },
    { screen: 'Article edit', path: `${list('articles')}/${article.id}`, ready: EDIT_READY, from: list('articles') },
    { screen: 'Sections list', path: list('sections'), ready: LIST_READY, from: '/admin' },
    { screen: 'Section edit (rich text)', path: `${list('sections')}/${section}`, ready: `${EDIT_READY} [data-lexical-editor="true"]`, from: list('sections') },
    { screen: 'Citations list', path: list('citations'), ready: LIST_READY, from: '/admin' },
    { screen: 'Citation edit', path: `${list('citations')}/${citation}`, ready: EDIT_READY, from: list('citations') },
  ]
}

const WAIT = { timeout: 120_000 }
const LIVE_PREVIEW_SAMPLES = 20

async function load(page: Page, cmsUrl: string, s: Screen): Promise<number> {
  const started = performance.now()
  await page.goto(`${cmsUrl}${s.path}`, { waitUntil: 'commit', ...WAIT })
  await page.locator(s.ready).first().waitFor(WAIT)
  return performance.now() - started
}

/** Open the screen that links here (untimed), then time the click to this screen being usable. */
async function click(page: Page, cmsUrl: string, s: Screen): Promise<number> {
  // Idle: the admin has hydrated and finished its own first requests, so the click is an editor's
  // click on a working screen, not one a half-loaded page drops.
  await page.goto(`${cmsUrl}${s.from}`, { waitUntil: 'networkidle', ...WAIT })
  const link = page.locator(`a[href="${s.path}"]:not(.nav__link):visible`).first()
  await link.waitFor(WAIT)
  const started = performance.now()
  await link.click()
  await page.waitForURL((url) => url.pathname === s.path, { waitUntil: 'commit', ...WAIT })
  await page.locator(s.ready).first().waitFor(WAIT)
  return performance.now() - started
}

/** Typing speed of the bursts: a quick typist's 100 ms a key. */
export const KEY_DELAY_MS = 100

/**
 * Type `samples` short bursts at the end of the article's first section after the introduction,
 * each timed from its last keystroke until the preview frame's article contains it.
 */
async function livePreviewLatency(page: Page, cmsUrl: string, webUrl: string, articlePath: string, samples: number): Promise<number[]> {
  await page.goto(`${cmsUrl}${articlePath}`, WAIT)
  await page.locator(EDIT_READY).waitFor(WAIT)
  await page.locator('#live-preview-toggler').click(WAIT)
  const webHost = new URL(webUrl).host
  const frame = await (async () => {
    for (;;) {
      const found = page.frames().find((f) => f.url().includes(webHost))
      if (found) return found
      await page.waitForEvent('framenavigated', WAIT)
    }
  })()
  await frame.locator('article.article').waitFor({ state: 'attached', ...WAIT })
  const editor = page.locator('.article-text .array-field__row').nth(1).locator('[data-lexical-editor="true"]')
  await editor.click()
  await page.keyboard.press('Control+End')
  const out: number[] = []
  for (let i = 0; i < samples; i++) {
    const words = ` Live preview sample ${i + 1} of ${samples}.`
    await page.keyboard.type(words, { delay: KEY_DELAY_MS })
    const lastKey = performance.now()
    // textContent, not innerText: sections off screen are not laid out (content-visibility).
    await frame.waitForFunction((text) => document.querySelector('article.article')?.textContent?.includes(text) === true, words.trim(), { polling: 'raf', ...WAIT })
    out.push(performance.now() - lastKey)
  }
  return out
}

/** Signed in as an editor (made by `admin`), the role that works in these screens every day. */
export async function adminScreens(cmsUrl: string, webUrl: string, slug: string, admin: Session, visits: number, log: (line: string) => void): Promise<AdminTimings> {
  const { email, password, ...editor } = await createUser(cmsUrl, admin, 'editor')
  const screens = await screensOf(cmsUrl, slug, editor)
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${cmsUrl}/admin/login`, WAIT)
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.locator('.dashboard').waitFor(WAIT)
    const out: AdminScreenTiming[] = []
    for (const s of screens) {
      const firstMs = await click(page, cmsUrl, s)
      const warmMs: number[] = []
      const loadMs: number[] = []
      for (let i = 0; i < visits; i++) warmMs.push(await click(page, cmsUrl, s))
      for (let i = 0; i < visits; i++) loadMs.push(await load(page, cmsUrl, s))
      log(`admin ${s.screen}: first ${firstMs.toFixed(0)} ms, later by link p50 ${percentile(warmMs, 50).toFixed(0)} ms, by page load p50 ${percentile(loadMs, 50).toFixed(0)} ms`)
      out.push({ screen: s.screen, path: s.path, firstMs, warmMs, loadMs })
    }
    const articleScreen = screens.find((s) => s.screen === 'Article edit')!
    const livePreviewMs = await livePreviewLatency(page, cmsUrl, webUrl, articleScreen.path, LIVE_PREVIEW_SAMPLES)
    log(`admin live preview: last keystroke to preview p50 ${percentile(livePreviewMs, 50).toFixed(0)} ms, p95 ${percentile(livePreviewMs, 95).toFixed(0)} ms`)
    return { screens: out, livePreviewMs }
  } finally {
    await browser.close()
  }
}
