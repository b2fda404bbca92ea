import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium'

/** A page's first server render on a busy 2-core machine can outlast Playwright's 30 s default. */
export const PAGE_TIMEOUT_MS = 60_000

/** Debian's Chromium, headless, with the flags this sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', ...CHROMIUM_FLAGS],
  })
}

/** A page in a fresh context, with navigation and waits allowed PAGE_TIMEOUT_MS. */
export async function readerPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage()
  page.setDefaultTimeout(PAGE_TIMEOUT_MS)
  return page
}
