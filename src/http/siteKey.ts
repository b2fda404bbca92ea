/**
 * How the CMS recognises the reader site's own server-side requests. All of them come from one
 * address, so under a per-IP limit one busy visitor of the reader site would spend the whole site's
 * allowance; an address says nothing about who is asking anyway. The reader site sends this key
 * instead: an HMAC of the revalidation secret both processes already share, so there is no extra
 * secret to configure and the key never appears in a URL or a page.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export const SITE_KEY_HEADER = 'x-tripsitter-site-key'

export function readerSiteKey(revalidateSecret: string): string {
  return createHmac('sha256', revalidateSecret).update('tripsitter: reader site requests to the CMS').digest('hex')
}

/** Constant-time check of the header against the expected key (hashed first, so lengths never leak). */
export function isReaderSite(req: IncomingMessage, expectedKey: string): boolean {
  const given = req.headers[SITE_KEY_HEADER]
  if (typeof given !== 'string' || expectedKey.length === 0) return false
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(given), digest(expectedKey))
}
