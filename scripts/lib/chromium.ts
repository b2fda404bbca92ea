import { chromium, type Browser } from 'playwright-core'

/**
 * Debian's Chromium for the browser tests and Lighthouse, and the flags both launch it with: as root
 * it needs --no-sandbox, and with background networking on it keeps opening connections to Google's
 * hosts that a closed network refuses. Each caller adds its own headless flag.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync']

/** Debian's Chromium, headless, with the flags above: the browser tests' and the admin bench's launcher. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', ...CHROMIUM_FLAGS] })
}
