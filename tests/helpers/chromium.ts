import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../scripts/lib/chromium'

export { launchChromium }

/** A page's first server render on a busy 2-core machine can outlast Playwright's 30 s default. */
export const PAGE_TIMEOUT_MS = 60_000

/** A page in a fresh context, with navigation and waits allowed PAGE_TIMEOUT_MS. */
export async function readerPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage()
  page.setDefaultTimeout(PAGE_TIMEOUT_MS)
  return page
}
