/**
 * Inline citations (browser, real servers): an editor inserts citations into a section
 * through the rich-text toolbar (one picked from the library, one created in a drawer), sees them
 * as readable markers in the editor, publishes, and finds them numbered in the reader's reference
 * list; the article's citation list and its "N of M verified" sidebar follow the section without
 * an article save, and removing the last reference takes a citation off again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { closeBrowserAndStack, EDITOR, FIRST_LOAD_MS, placeCaretAfter, saveNewCitationInDrawer, screenshot, signedInBrowser } from './browser'
import { readerPage } from '../helpers/chromium'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
const BERMAN = {
  label: 'Berman et al. (2000)',
  authors: 'Berman RM, Cappiello A, Anand A',
  firstAuthor: 'Berman',
  year: 2000,
  journal: 'Biological Psychiatry',
  title: 'Antidepressant effects of ketamine in depressed patients',
  doi: '10.1016/S0006-3223(99)00230-9',
}

let stack: Stack
let editor: Session
let browser: Browser
let page: Page
let articleId: number
let secondSectionId: number

type ArticleDoc = { id: number; sections: number[]; citations: { id: number; label: string }[] }
const article = async (): Promise<ArticleDoc> =>
  json<ArticleDoc>(await fetch(`${stack.cms.url}/api/articles/${articleId}?draft=true&depth=1`, { headers: auth(editor) }))
const citationLabels = async (): Promise<string[]> => (await article()).citations.map((c) => c.label)

type LexicalNode = { type: string; children?: LexicalNode[] }
/** How many citation markers the second section's stored draft has (what autosave last wrote). */
async function storedMarkers(): Promise<number> {
  const section = await json<{ body: { root: LexicalNode } }>(await fetch(`${stack.cms.url}/api/sections/${secondSectionId}?draft=true&depth=0`, { headers: auth(editor) }))
  const count = (node: LexicalNode): number => (node.type === 'inlineBlock' ? 1 : 0) + (node.children ?? []).reduce((sum, child) => sum + count(child), 0)
  return count(section.body.root)
}

/** The reader's reference list, as readers see it: number -> text. */
async function references(): Promise<string[]> {
  const reader = await readerPage(browser)
  try {
    await reader.goto(`${stack.web!.url}/articles/${SLUG}`)
    return await reader.locator('#references + ol > li').evaluateAll((items) => items.map((li) => `${li.getAttribute('value')}. ${li.textContent ?? ''}`))
  } finally {
    await reader.close()
  }
}

const editorBody = () => page.locator('[data-lexical-editor="true"]')

/** Put the caret right after `text` with a real click, then insert a citation from the toolbar. */
async function openCitationDrawerAfter(text: string): Promise<void> {
  await placeCaretAfter(page, editorBody(), text)
  await page.locator('.toolbar-popup__dropdown-inlineBlocks').click()
  await page.locator('.toolbar-popup__dropdown-items').getByRole('button', { name: 'Citation' }).click()
  await page.getByRole('heading', { name: 'Edit Citation' }).waitFor()
}

/**
 * Save the citation drawer and wait until it has closed. Payload's block drawer can drop a save
 * whose validation round trip crosses the document's autosave: the drawer stays open with the
 * choice in it and a second "Save changes" closes it, which is what a person does. Anything else
 * (a field error, a save that never settles) fails with what the drawer shows.
 */
async function saveCitationDrawer(): Promise<void> {
  const drawer = page.locator('.drawer__content', { has: page.getByRole('heading', { name: 'Edit Citation' }) })
  const save = drawer.getByRole('button', { name: 'Save changes' })
  await save.click()
  const closed = () => drawer.waitFor({ state: 'hidden', timeout: 10_000 }).then(() => true, () => false)
  if (await closed()) return
  if (await save.isEnabled().catch(() => false)) {
    console.error('[browser] the citation drawer stayed open after "Save changes"; saving again')
    await save.click()
    if (await closed()) return
  }
  const shown = await drawer.innerText({ timeout: 1_000 }).catch(() => '(unreadable)')
  throw new Error(`the citation drawer did not close after "Save changes"; it shows:\n${shown}`)
}

async function publishSection(): Promise<void> {
  const published = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/sections/${secondSectionId}?`) && !r.url().includes('draft=true'))
  await page.getByRole('button', { name: 'Publish changes' }).click()
  expect((await published).status()).toBe(200)
}

beforeAll(async () => {
  stack = await startStack({ web: true })
  const seed = await runSeed(stack.env, ['--publish'])
  expect(seed.code, seed.stderr).toBe(0)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor', EDITOR.email, EDITOR.password)
  const created = await fetch(`${stack.cms.url}/api/citations`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(editor) }, body: JSON.stringify(BERMAN) })
  expect(created.status).toBe(201)
  const found = await json<{ docs: { id: number; sections: number[] }[] }>(await fetch(`${stack.cms.url}/api/articles?where[slug][equals]=${SLUG}&depth=0`, { headers: auth(editor) }))
  articleId = found.docs[0]!.id
  secondSectionId = found.docs[0]!.sections[1]!
  const signedIn = await signedInBrowser(stack.cms.url, EDITOR.email, EDITOR.password)
  browser = signedIn.browser
  page = signedIn.page
})

afterAll(() => closeBrowserAndStack(browser, stack))

describe('inline citations from the editor toolbar', () => {
  it('inserts an existing citation and a new one created in a drawer, shown as readable markers', async () => {
    await page.goto(`${stack.cms.url}/admin/collections/sections/${secondSectionId}`, { timeout: FIRST_LOAD_MS })
    await editorBody().waitFor({ timeout: FIRST_LOAD_MS })

    // 1. Pick an existing citation from the library.
    await openCitationDrawerAfter('rapid antidepressant effects')
    const drawer = page.locator('.drawer__content').last()
    await drawer.locator('.rs__control').click()
    await page.keyboard.type('Berman')
    await page.locator('.rs__option', { hasText: 'Berman et al. (2000)' }).click()
    await saveCitationDrawer()
    await expect.poll(() => editorBody().locator('.citation-ref-label').allInnerTexts()).toEqual(['Berman 2000'])

    // 2. Create a citation on the spot (no identifiers yet: flagged where the claim is made).
    await openCitationDrawerAfter('responsible for excitatory signaling')
    await page.locator('.drawer__content').last().locator('.relationship-add-new__add-button').click()
    await saveNewCitationInDrawer(page, { label: 'Abdallah et al. (2015)', firstAuthor: 'Abdallah', year: 2015 })
    // Payload keeps the new document open in its drawer (for more edits); the editor closes it.
    await page.locator('dialog.doc-drawer').last().getByRole('button', { name: 'Close' }).first().click()
    const blockDrawer = page.locator('.drawer__content', { has: page.getByRole('heading', { name: 'Edit Citation' }) })
    await expect.poll(() => blockDrawer.locator('.rs__single-value, .relationship--single-value').innerText()).toContain('Abdallah et al. (2015)')
    await saveCitationDrawer()
    await expect.poll(() => editorBody().locator('.citation-ref-label').allInnerTexts()).toEqual(['Abdallah 2015 · needs source', 'Berman 2000'])
    await screenshot(page, 'admin-section-citations')
  }, 120_000)

  it('publishes; the reader numbers them in reading order and the article lists them', async () => {
    await publishSection()
    // Section 2 comes before the seeded citations (section 3): the new ones are [1] and [2].
    await expect.poll(references, { timeout: 20_000 }).toEqual([
      expect.stringMatching(/^1\. .*Abdallah et al\. \(2015\)/),
      expect.stringMatching(/^2\. Berman RM, Cappiello A, Anand A\. Antidepressant effects of ketamine/),
      expect.stringMatching(/^3\. Zarate CA Jr/),
      expect.stringMatching(/^4\. Feder A/),
      expect.stringMatching(/^5\. Caddy C/),
    ])
    // Derived from the sections without anyone saving the article.
    expect(await citationLabels()).toEqual(['Abdallah et al. (2015)', 'Berman et al. (2000)', 'Zarate et al. (2006)', 'Feder et al. (2014)', 'Caddy et al. (2015)'])

    await page.goto(`${stack.cms.url}/admin/collections/articles/${articleId}`, { timeout: FIRST_LOAD_MS })
    await expect
      .poll(() => page.locator('.citation-quality').innerText(), { timeout: 20_000 })
      .toContain('4 of 5 citations verified; needs source: Abdallah et al. (2015)')
  }, 60_000)

  it('flags citations without a DOI, PMID or URL in the list view', async () => {
    await page.goto(`${stack.cms.url}/admin/collections/citations`, { timeout: FIRST_LOAD_MS })
    const row = (label: string) => page.locator('tbody tr', { hasText: label }).locator('.source-status')
    await expect.poll(() => row('Berman et al. (2000)').innerText()).toBe('Verified source')
    await expect.poll(() => row('Abdallah et al. (2015)').innerText()).toBe('Needs source')
    await screenshot(page, 'admin-citations-list')
  }, 60_000)

  it('removing the last reference takes the citation off the article and the reference list', async () => {
    await page.goto(`${stack.cms.url}/admin/collections/sections/${secondSectionId}`, { timeout: FIRST_LOAD_MS })
    const marker = editorBody().locator('.LexicalEditorTheme__inlineBlock', { hasText: 'Berman 2000' })
    await marker.hover()
    await marker.locator('.LexicalEditorTheme__inlineBlock__removeButton').click()
    await expect.poll(() => editorBody().locator('.citation-ref-label').allInnerTexts()).toEqual(['Abdallah 2015 · needs source'])
    // The rich-text field hands an edit to the form when the browser is next idle (up to 500 ms
    // later), so a Publish clicked the moment the marker disappears can still carry the old body.
    // Autosave storing the removal shows the form has it; publishing after that publishes it.
    await expect.poll(storedMarkers, { timeout: 20_000 }).toBe(1)
    await publishSection()
    await expect.poll(references, { timeout: 20_000 }).toHaveLength(4)
    expect((await references()).join('\n')).not.toContain('Berman')
    expect(await citationLabels()).toEqual(['Abdallah et al. (2015)', 'Zarate et al. (2006)', 'Feder et al. (2014)', 'Caddy et al. (2015)'])
  }, 60_000)
})
