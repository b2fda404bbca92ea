/**
 * Admin screens: how long an editor waits for each screen they work in to be usable, in Chromium
 * against the production CMS, once the admin has loaded (later visits are what a working day is
 * made of; the first fetches the admin's scripts). Each visit is a full navigation, the slower
 * case: clicking a link inside the admin renders the same screen without reloading its scripts.
 * "Usable" is the screen's own ready state: a list's table, an edit form Payload marks ready (and,
 * for a section, its rich-text editor).
 */
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/lib/chromium'
import { auth, createFirstAdmin, json, type Session } from '../scripts/lib/restApi'
import { percentile } from './stats'

export interface AdminScreenTiming {
  screen: string
  path: string
  /** The first visit of this screen (the admin's scripts are already cached by then). */
  firstMs: number
  /** Later visits, one at a time. */
  warmMs: number[]
}

type Screen = { screen: string; path: string; ready: string }

const EDIT_READY = 'form[data-form-ready="true"]'
const LIST_READY = '.collection-list table, .collection-list__no-results'

async function screensOf(cmsUrl: string, slug: string, admin: Session): Promise<Screen[]> {
  const headers = auth(admin)
  const article = (await json<{ docs: { id: string | number; sections: (string | number)[]; citations: (string | number)[] }[] }>(await fetch(`${cmsUrl}/api/articles?where[slug][equals]=${slug}&depth=0&draft=true`, { headers }))).docs[0]
  if (!article) throw new Error(`admin bench: no article "${slug}"`)
  const section = article.sections[Math.min(2, article.sections.length - 1)]
  const citation = article.citations[0]
  return [
    { screen: 'Dashboard', path: '/admin', ready: '.dashboard' },
    { screen: 'Articles list', path: '/admin/collections/articles', ready: LIST_READY },
    { screen: 'Article edit', path: `/admin/collections/articles/${article.id}`, ready: EDIT_READY },
    { screen: 'Sections list', path: '/admin/collections/sections', ready: LIST_READY },
    { screen: 'Section edit (rich text)', path: `/admin/collections/sections/${section}`, ready: `${EDIT_READY} [data-lexical-editor="true"]` },
    { screen: 'Citations list', path: '/admin/collections/citations', ready: LIST_READY },
    { screen: 'Citation edit', path: `/admin/collections/citations/${citation}`, ready: EDIT_READY },
  ]
}

async function visit(page: Page, url: string, ready: string): Promise<number> {
  const started = performance.now()
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 })
  await page.locator(ready).first().waitFor({ timeout: 120_000 })
  return performance.now() - started
}

export async function adminScreens(cmsUrl: string, slug: string, visits: number, log: (line: string) => void): Promise<AdminScreenTiming[]> {
  const email = 'bench-admin@example.com'
  const password = 'bench-admin-password-123'
  const admin = await createFirstAdmin(cmsUrl, email, password)
  const screens = await screensOf(cmsUrl, slug, admin)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', ...CHROMIUM_FLAGS] })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${cmsUrl}/admin/login`, { timeout: 120_000 })
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.locator('.dashboard').waitFor({ timeout: 120_000 })
    const out: AdminScreenTiming[] = []
    for (const s of screens) {
      const firstMs = await visit(page, `${cmsUrl}${s.path}`, s.ready)
      const warmMs: number[] = []
      for (let i = 0; i < visits; i++) warmMs.push(await visit(page, `${cmsUrl}${s.path}`, s.ready))
      log(`admin ${s.screen}: first ${firstMs.toFixed(0)} ms, later p50 ${percentile(warmMs, 50).toFixed(0)} ms`)
      out.push({ screen: s.screen, path: s.path, firstMs, warmMs })
    }
    return out
  } finally {
    await browser.close()
  }
}
