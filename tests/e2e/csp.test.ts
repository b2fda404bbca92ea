/**
 * Content-Security-Policy with script-src, in a real browser. The admin (rendered per request, so
 * allowed by a nonce) still renders and logs in; the reader page (served from the front server's
 * cache, so allowed by hashes of its inline scripts) runs its scripts; Chromium reports no
 * violation on either; and a script that is not ours is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { createFirstAdmin } from '../../scripts/lib/restApi'
import { adminLogin, FIRST_LOAD_MS, launchBrowser, newSession } from './browser'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'

let stack: Stack
let browser: Browser

beforeAll(async () => {
  stack = await startStack({ web: true })
  const seed = await runSeed(stack.env, ['--publish'])
  expect(seed.code, seed.stderr).toBe(0)
  await createFirstAdmin(stack.cms.url, 'admin@example.com', 'admin-password-123')
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await stack?.stop()
})

/** Collects CSP violations the page reports, from the first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations ?? []))]
}

/**
 * Markup injected the way stored XSS arrives (HTML with an event handler) is refused: Chromium
 * reports the violation, and the handler never runs.
 */
async function expectInjectionRefused(page: Page): Promise<void> {
  await page.evaluate(() => {
    const div = document.createElement('div')
    div.innerHTML = '<img src="x:" onerror="window.__injectedRan = true">'
    document.body.append(div)
  })
  await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.some((v) => v.startsWith('script-src')))
  expect(await page.evaluate(() => (window as unknown as { __injectedRan?: boolean }).__injectedRan ?? false)).toBe(false)
}

describe('script-src in the browser', () => {
  it('the admin renders and logs in under a nonce policy, with no violations', async () => {
    const { context, page } = await newSession(browser)
    const violations = await watchViolations(page)
    const response = await page.goto(`${stack.cms.url}/admin/login`, { timeout: FIRST_LOAD_MS })
    const policy = response!.headers()['content-security-policy'] ?? ''
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'/)
    expect(policy).not.toMatch(/unsafe-inline/)
    await adminLogin(page, stack.cms.url, 'admin@example.com', 'admin-password-123')
    await page.locator('a[href$="/admin/collections/articles"]').first().waitFor({ timeout: FIRST_LOAD_MS })
    expect(await violations()).toEqual([])
    await expectInjectionRefused(page)
    await context.close()
  })

  it('the cached reader page has no script to run, and its policy allows no inline script', async () => {
    const { context, page } = await newSession(browser)
    const violations = await watchViolations(page)
    await fetch(`${stack.web!.url}/articles/${SLUG}`) // fill the cache: the browser gets a HIT
    const response = await page.goto(`${stack.web!.url}/articles/${SLUG}`)
    expect(response!.headers()['x-cache']).toBe('HIT')
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'$/)
    // The front server removed Next's runtime: nothing filled self.__next_f.
    expect(await page.evaluate(() => (self as unknown as { __next_f?: unknown[] }).__next_f)).toBeUndefined()
    expect(await violations()).toEqual([])
    await expectInjectionRefused(page)
    await context.close()
  })
})
