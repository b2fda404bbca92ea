/**
 * Debian Chromium for the admin end-to-end tests: one launcher with the flags these machines need,
 * a page per browser context (a context is one editor's session), login through the real form,
 * and screenshots for docs/screenshots.
 */
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { repoRoot } from '../../src/env'
import { launchChromium, PAGE_TIMEOUT_MS } from '../helpers/chromium'

export const VIEWPORT = { width: 1280, height: 900 }
/** The admin bundle is large and a route's first render is slow on 2 busy cores. */
export const FIRST_LOAD_MS = PAGE_TIMEOUT_MS

/** The admin tests' name for the one shared launcher. */
export const launchBrowser = launchChromium

export type Session = { context: BrowserContext; page: Page }

/** A fresh context (own cookies: one person) with one page; UTC so dates typed in tests mean one thing. */
export async function newSession(browser: Browser): Promise<Session> {
  const context = await browser.newContext({ viewport: VIEWPORT, timezoneId: 'UTC', locale: 'en-US' })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  reportTrouble(page)
  return { context, page }
}

/**
 * Print what goes wrong inside the admin as it happens (uncaught errors, requests that fail,
 * server errors), so a browser test that times out on a busy machine says why in the test log
 * instead of only which locator it waited for. Cancelled requests (the admin aborts superseded
 * form-state requests on purpose) are not trouble.
 */
function reportTrouble(page: Page): void {
  page.on('pageerror', (err) => console.error(`[browser] page error: ${err.message}`))
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText ?? 'failed'
    if (!failure.includes('ERR_ABORTED')) console.error(`[browser] ${req.method()} ${req.url()}: ${failure}`)
  })
  page.on('response', (res) => {
    if (res.status() >= 500) console.error(`[browser] ${res.request().method()} ${res.url()}: ${res.status()}`)
  })
}

/** Log in through the admin's own form, as a person would, and wait for the dashboard. */
export async function adminLogin(page: Page, cmsUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${cmsUrl}/admin/login`, { timeout: FIRST_LOAD_MS })
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: FIRST_LOAD_MS })
}

/** The editor account admin tests create with createUser and sign in as. */
export const EDITOR = { email: 'editor@example.com', password: 'editor-password-123' } as const

/** Chromium with one session signed in to the admin; the browser is closed again if signing in fails. */
export async function signedInBrowser(cmsUrl: string, email: string, password: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser()
  try {
    const { page } = await newSession(browser)
    await adminLogin(page, cmsUrl, email, password)
    return { browser, page }
  } catch (err) {
    await browser.close()
    throw err
  }
}

/** What an admin test file's afterAll stops: the browser, then the stack; either may never have started. */
export async function closeBrowserAndStack(browser: Browser | undefined, stack: { stop(): Promise<void> } | undefined): Promise<void> {
  await browser?.close()
  await stack?.stop()
}

/** A PNG in docs/screenshots, for newcomers to see the product; viewport-sized so the files stay small. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(repoRoot, 'docs', 'screenshots', `${name}.png`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  await page.screenshot({ path: file, fullPage: false })
  return file
}

type Box = { x: number; y: number; width: number; height: number }

/** Where `text` is drawn inside `root` (scrolled into view first), or null when it is not there. */
export function textBox(root: Locator, text: string): Promise<Box | null> {
  return root.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1
      if (at < 0) continue
      node.parentElement?.scrollIntoView({ block: 'center' })
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      const { x, y, width, height } = range.getBoundingClientRect()
      return { x, y, width, height }
    }
    return null
  }, text)
}

/**
 * Put the caret right after `text` in a contenteditable with a real click, just inside the last
 * character's right half (the caret lands on the boundary after it). Checked and retried: a click
 * while a drawer is still closing, or a layout shift, can land elsewhere.
 */
export async function placeCaretAfter(page: Page, root: Locator, text: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const box = await textBox(root, text)
    if (!box) throw new Error(`"${text}" is not in the editor`)
    await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2)
    const placed = await page.evaluate((wanted) => {
      const selection = window.getSelection()
      const node = selection?.anchorNode
      return !!selection && selection.isCollapsed && !!node && (node.textContent ?? '').slice(0, selection.anchorOffset).endsWith(wanted)
    }, text)
    if (placed && (await editorSelectionAfter(root, text))) return
    await page.waitForTimeout(300)
  }
  throw new Error(`could not place the caret after "${text}"`)
}

/**
 * Whether the Lexical editor on `root` has taken the caret after `text` (up to 5 s). Lexical reads
 * the browser's selection on its `selectionchange` event, a moment after the click; a toolbar action
 * (split at the caret) clicked before that would act on the old selection.
 */
function editorSelectionAfter(root: Locator, text: string): Promise<boolean> {
  return root.evaluate(async (element, wanted) => {
    type Point = { key: string; offset: number }
    type State = { _selection: { anchor?: Point; isCollapsed?: () => boolean } | null; _nodeMap: Map<string, { __text?: string }> }
    const editor = (element as unknown as { __lexicalEditor?: { getEditorState(): State } }).__lexicalEditor
    if (!editor) return true
    const deadline = Date.now() + 5_000
    while (Date.now() < deadline) {
      const state = editor.getEditorState()
      const anchor = state._selection?.anchor
      const text = anchor ? state._nodeMap.get(anchor.key)?.__text : undefined
      if (anchor && text !== undefined && state._selection?.isCollapsed?.() && text.slice(0, anchor.offset).endsWith(wanted)) return true
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
    return false
  }, text)
}

/** Select `text` as a person does: caret after it, then Shift+Arrow leftwards. Typing replaces it. */
export async function selectText(page: Page, root: Locator, text: string): Promise<void> {
  await placeCaretAfter(page, root, text)
  await page.keyboard.down('Shift')
  for (let i = 0; i < text.length; i++) await page.keyboard.press('ArrowLeft')
  await page.keyboard.up('Shift')
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '')
  if (selected !== text) throw new Error(`selected "${selected}" instead of "${text}"`)
}

/**
 * Drag one element onto another with the mouse, as a person does: press near its left edge, move a
 * few pixels first (drag libraries wait for that before a drag starts), then glide to the target.
 */
export async function dragOnto(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox()
  const b = await to.boundingBox()
  if (!a || !b) throw new Error('drag source or target is not visible')
  const start = { x: a.x + 12, y: a.y + a.height / 2 }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + 8, start.y, { steps: 4 })
  await page.mouse.move(b.x + 12, b.y + b.height / 2, { steps: 20 })
  await page.waitForTimeout(200)
  await page.mouse.up()
}

/**
 * Fill the required fields of a new citation in the newest document drawer and save it as a draft,
 * as an editor citing a work that is not in the library yet does (publishing the text publishes it);
 * fails unless the CMS created it.
 */
export async function saveNewCitationInDrawer(page: Page, citation: { label: string; firstAuthor: string; year: number }): Promise<void> {
  const drawer = page.locator('.drawer__content').last()
  await drawer.locator('input[name="label"]').fill(citation.label)
  await drawer.locator('input[name="firstAuthor"]').fill(citation.firstAuthor)
  await drawer.locator('input[name="year"]').fill(String(citation.year))
  const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/api/citations?') && r.url().includes('draft=true'))
  await drawer.getByRole('button', { name: 'Save Draft', exact: true }).click()
  const status = (await saved).status()
  if (status !== 201) throw new Error(`saving the new citation answered ${status}`)
}
