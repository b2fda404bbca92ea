/**
 * Sources in the admin (browser, real servers, a local stand-in for Crossref and PubMed): on the
 * bundled ketamine article the editor sees the one claim that contradicts its source (the venue of
 * Zarate et al. 2006) in the sidebar, and dismisses it with a reason; on a new citation, "Fill from
 * DOI / PMID" puts the looked-up record into the form, and a failed lookup changes no field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { createFirstAdmin, createUser, json, auth, type Session as ApiSession } from '../../scripts/lib/restApi'
import { startLookupServer, type LookupServer } from '../helpers/lookupServer'
import { adminLogin, FIRST_LOAD_MS, launchBrowser, newSession, screenshot, type Session } from './browser'
import { articleRefs, KETAMINE_SLUG } from '../reliability/support'

const ZARATE_WARNING = 'text says American Journal of Psychiatry; the record for DOI 10.1001/archpsyc.63.8.856 says Archives of General Psychiatry'

let stack: Stack
let lookup: LookupServer
let browser: Browser
let editor: ApiSession & { email: string; password: string }
let session: Session

beforeAll(async () => {
  lookup = await startLookupServer()
  stack = await startStack({ env: { CROSSREF_URL: lookup.crossrefUrl, PUBMED_URL: lookup.pubmedUrl } })
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor', 'sources-editor@example.com', 'sources-password-123')
  browser = await launchBrowser()
  session = await newSession(browser)
  await adminLogin(session.page, stack.cms.url, editor.email, editor.password)
})

afterAll(async () => {
  await browser?.close()
  await stack?.stop()
  await lookup?.close()
})

describe('claim checks in the article sidebar', () => {
  it('show the Zarate venue warning, counted in the sources line, until an editor dismisses it with a reason', async () => {
    const { page } = session
    const article = await articleRefs(stack.cms.url, KETAMINE_SLUG)
    await page.goto(`${stack.cms.url}/admin/collections/articles/${article.id}`, { timeout: FIRST_LOAD_MS })
    const sidebar = page.locator('.citation-quality')
    await expect.poll(async () => (await sidebar.textContent()) ?? '', { timeout: FIRST_LOAD_MS }).toContain('1 claim differs from its source')
    const warnings = page.locator('.claim-checks__item[role="alert"]')
    expect(await warnings.count()).toBe(1)
    expect(await warnings.first().textContent()).toContain(`Zarate et al. (2006): ${ZARATE_WARNING}`)
    await screenshot(page, 'admin-claim-check')

    await page.getByLabel(`Reason to dismiss: ${ZARATE_WARNING}`).fill('The trial was also reported in that journal.')
    await page.getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(async () => (await sidebar.textContent()) ?? '', { timeout: 20_000 }).toContain('Dismissed: The trial was also reported in that journal.')
    expect(await sidebar.textContent()).not.toContain('claim differs')
    expect(await warnings.count()).toBe(0)
    // Kept: the dismissal is a record with its reason and who made it.
    const kept = await json<{ docs: { reason: string; dismissedBy: number }[] }>(await fetch(`${stack.cms.url}/api/claim-dismissals?depth=0`, { headers: auth(editor) }))
    expect(kept.docs).toEqual([expect.objectContaining({ reason: 'The trial was also reported in that journal.', dismissedBy: editor.user.id })])
  }, 180_000)
})

describe('"Fill from DOI / PMID" on a citation', () => {
  it('fills title, journal, authors and DOI from a PMID; a failed lookup names the identifier and changes nothing', async () => {
    const { page } = session
    await page.goto(`${stack.cms.url}/admin/collections/citations/create`, { timeout: FIRST_LOAD_MS })
    const button = page.getByRole('button', { name: 'Fill from DOI / PMID' })
    await button.waitFor({ timeout: FIRST_LOAD_MS })
    expect(await button.isDisabled()).toBe(true)

    await page.locator('input[name="pmid"]').fill('33333333')
    await button.click()
    const alert = page.locator('.fill-from-identifier__message--failed')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('33333333')
    expect(await page.locator('input[name="title"]').inputValue()).toBe('')

    await page.locator('input[name="pmid"]').fill('16894061')
    await button.click()
    await page.locator('.fill-from-identifier__message--done').waitFor()
    expect(await page.locator('input[name="title"]').inputValue()).toBe('A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression')
    expect(await page.locator('input[name="journal"]').inputValue()).toMatch(/^Arch(ives of)? gen(eral)? psychiatry$/i)
    expect(await page.locator('input[name="doi"]').inputValue()).toBe('10.1001/archpsyc.63.8.856')
    await expect.poll(() => page.locator('input[name^="authorList."][name$=".family"]').count()).toBeGreaterThan(1)
    expect(await page.locator('input[name="authorList.0.family"]').inputValue()).toBe('Zarate')
    await page.locator('input[name="title"]').scrollIntoViewIfNeeded()
    await screenshot(page, 'admin-fill-from-identifier')
  }, 180_000)
})
