/**
 * `script-src` for both servers. Next inlines small bootstrap scripts (the streamed component
 * payload) in every page, so "'self'" alone would break every page and "'unsafe-inline'" would
 * allow any injected script. Two ways to allow exactly ours:
 *
 * - a nonce per response, for pages rendered per request: put in the request's own
 *   Content-Security-Policy header, which Next reads to stamp the nonce on every script it emits;
 * - hashes of the inline scripts, for pages the reader site caches and serves to many visitors
 *   (a nonce repeated across responses would be a fixed password printed in the page).
 */
import { createHash, randomBytes } from 'node:crypto'

export const newNonce = (): string => randomBytes(18).toString('base64')

/** Development's hot reloading evaluates code; production never needs eval. */
export function nonceScriptSrc(nonce: string, dev = false): string {
  // 'strict-dynamic': chunks that Next's runtime loads later inherit the trust of the nonced loader.
  return `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
const SRC_ATTRIBUTE = /\ssrc\s*=/i
const TYPE_ATTRIBUTE = /\stype\s*=\s*["']?([^"'\s>]+)/i
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module'])

/**
 * `script-src` allowing exactly the inline scripts in `html` (by SHA-256) and scripts from this
 * origin. Data blocks (JSON-LD) are not executed and need no hash.
 */
export function hashedScriptSrc(html: Buffer | string): string {
  const text = typeof html === 'string' ? html : html.toString('utf8')
  const hashes = new Set<string>()
  for (const match of text.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? ''
    if (SRC_ATTRIBUTE.test(attributes)) continue
    const type = (TYPE_ATTRIBUTE.exec(attributes)?.[1] ?? '').toLowerCase()
    if (!EXECUTABLE_TYPES.has(type)) continue
    hashes.add(`'sha256-${createHash('sha256').update(match[2] ?? '', 'utf8').digest('base64')}'`)
  }
  return ["script-src 'self'", ...hashes].join(' ')
}
