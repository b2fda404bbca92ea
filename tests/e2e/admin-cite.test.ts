/**
 * Citing while writing (browser, real servers): the labelled "Cite" toolbar button and the `/cite`
 * command open one dialog that searches the citation library by what an editor remembers (a word
 * of the title, the author, the year), shows each work's title and journal, and inserts the in-text
 * label together with the marker; "New citation" creates one in Payload's drawer, which closes on
 * save and inserts it. Markers carry the number the work will have in the article's reference
 * list. What autosave stores is checked over REST: label text, then the marker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { closeBrowserAndStack, EDITOR, FIRST_LOAD_MS, placeCaretAfter, saveNewCitationInDrawer, screenshot, signedInBrowser } from './browser'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'

let stack: Stack
let editor: Session
let browser: Browser
let page: Page
let sectionId: number | string
let federId: number | string

type Node = { type: string; text?: string; fields?: { citation?: unknown }; children?: Node[] }
type Cited = { before: string; citation: unknown }

/** Each citation marker in a section's stored draft with the text just before it in its paragraph. */
async function storedCitations(): Promise<Cited[]> {
  const section = await json<{ body: { root: Node } }>(await fetch(`${stack.cms.url}/api/sections/${sectionId}?draft=true&depth=0`, { headers: auth(editor) }))
  const out: Cited[] = []
  for (const paragraph of section.body.root.children ?? []) {
    let text = ''
    for (const node of paragraph.children ?? []) {
      if (node.type === 'inlineBlock') out.push({ before: text, citation: node.fields?.citation })
      else text += node.text ?? ''
    }
  }
  return out
}

const editorBody = () => page.locator('[data-lexical-editor="true"]')
const markers = () => editorBody().locator('.citation-ref-label').allInnerTexts()
const numbers = () => editorBody().locator('.citation-ref-number').allInnerTexts()
const dialog = () => page.getByRole('dialog', { name: 'Cite a source' })

beforeAll(async () => {
  stack = await startStack()
  const seed = await runSeed(stack.env, ['--publish'])
  expect(seed.code, seed.stderr).toBe(0)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor', EDITOR.email, EDITOR.password)
  const found = await json<{ docs: { sections: (number | string)[] }[] }>(await fetch(`${stack.cms.url}/api/articles?where[slug][equals]=${SLUG}&depth=0`, { headers: auth(editor) }))
  sectionId = found.docs[0]!.sections[1]!
  const feder = await json<{ docs: { id: number | string }[] }>(await fetch(`${stack.cms.url}/api/citations?where[firstAuthor][equals]=Feder&depth=0`, { headers: auth(editor) }))
  federId = feder.docs[0]!.id
  ;({ browser, page } = await signedInBrowser(stack.cms.url, EDITOR.email, EDITOR.password))
})

afterAll(() => closeBrowserAndStack(browser, stack))

describe('citing from the editor', () => {
  it('the Cite button finds a work by a word of its title and inserts its label with the marker', async () => {
    await page.goto(`${stack.cms.url}/admin/collections/sections/${sectionId}`, { timeout: FIRST_LOAD_MS })
    await editorBody().waitFor({ timeout: FIRST_LOAD_MS })
    expect(await storedCitations()).toEqual([])

    await placeCaretAfter(page, editorBody(), 'neural plasticity')
    await page.getByRole('button', { name: 'Cite', exact: true }).click()
    await dialog().getByRole('combobox').fill('posttraumatic')
    const option = dialog().getByRole('option')
    await expect.poll(() => option.allInnerTexts()).toEqual([expect.stringMatching(/^Feder et al\. \(2014\)[\s\S]*Efficacy of intravenous ketamine[\s\S]*JAMA Psychiatry/)])
    await screenshot(page, 'admin-cite-dialog')
    await page.keyboard.press('Enter')

    await expect.poll(() => dialog().count()).toBe(0)
    await expect.poll(markers).toEqual(['Feder 2014'])
    // Numbered as readers will number it: section 2 now cites Feder before section 3 cites anyone.
    await expect.poll(numbers).toEqual(['1'])
    expect(await editorBody().innerText()).toContain('neural plasticity Feder et al. (2014)')
    // No block drawer opened: the marker already knows its citation.
    await expect.poll(() => page.getByRole('heading', { name: 'Edit Citation' }).count()).toBe(0)
    await expect.poll(storedCitations).toEqual([{ before: expect.stringMatching(/neural plasticity Feder et al\. \(2014\)$/), citation: federId }])
  }, 120_000)

  it('/cite opens the same dialog; a new citation saved in its drawer is inserted and the drawer closes', async () => {
    const before = await json<{ totalDocs: number }>(await fetch(`${stack.cms.url}/api/citations?limit=1&depth=0`, { headers: auth(editor) }))

    await placeCaretAfter(page, editorBody(), 'rapid antidepressant effects')
    await page.keyboard.type(' /cite')
    await page.locator('.slash-menu-popup').getByText('Cite a source').click()
    await dialog().getByRole('combobox').fill('Zanos')
    await expect.poll(() => dialog().innerText()).toContain('No citation matches')
    await dialog().getByRole('button', { name: 'New citation' }).click()

    await saveNewCitationInDrawer(page, { label: 'Zanos et al. (2016)', firstAuthor: 'Zanos', year: 2016 })

    await expect.poll(() => page.locator('dialog.doc-drawer').count()).toBe(0)
    await expect.poll(() => dialog().count()).toBe(0)
    await expect.poll(markers).toEqual(['Feder 2014', 'Zanos 2016 · needs source'])
    await expect.poll(numbers).toEqual(['1', '2'])
    // The typed "/cite" is gone; the label follows the text with one space.
    expect(await editorBody().innerText()).toContain('rapid antidepressant effects Zanos et al. (2016)')
    const after = await json<{ totalDocs: number; docs: { id: number | string }[] }>(await fetch(`${stack.cms.url}/api/citations?limit=1&depth=0&sort=-createdAt`, { headers: auth(editor) }))
    expect(after.totalDocs).toBe(before.totalDocs + 1)
    await expect.poll(storedCitations).toEqual([
      { before: expect.stringMatching(/neural plasticity Feder et al\. \(2014\)$/), citation: federId },
      { before: expect.stringMatching(/rapid antidepressant effects Zanos et al\. \(2016\)$/), citation: after.docs[0]!.id },
    ])
  }, 120_000)

  it('Escape closes the dialog and leaves the text as it was', async () => {
    await page.goto(`${stack.cms.url}/admin/collections/sections/${sectionId}`, { timeout: FIRST_LOAD_MS })
    await expect.poll(markers).toEqual(['Feder 2014', 'Zanos 2016 · needs source'])
    await expect.poll(numbers).toEqual(['1', '2'])
    const text = await editorBody().innerText()
    await placeCaretAfter(page, editorBody(), 'responsible for excitatory signaling')
    await page.getByRole('button', { name: 'Cite', exact: true }).click()
    await dialog().getByRole('combobox').fill('Feder')
    await expect.poll(() => dialog().getByRole('option').count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog().count()).toBe(0)
    expect(await editorBody().innerText()).toBe(text)
  }, 60_000)
})
