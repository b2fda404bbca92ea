import type { IncomingMessage } from 'node:http'
import { clientAddress, type TrustProxy } from '@/http/trustProxy'
import { isReaderSite } from '@/http/siteKey'

export { createRateLimiter, type RateLimiter } from '@/http/fixedWindow'

/** The bucket a request counts against, or null when it is not limited per client. */
export type RateLimitKey = (req: IncomingMessage) => string | null

/**
 * CASE the reader site's own request (its key, see src/http/siteKey.ts): not limited here; the
 * reader site bounds the renders each of its visitors can cause, and without this one visitor there
 * would spend every reader's share. CASE anyone else: their address, read through the trusted
 * proxies only, or a client could pick its own bucket with X-Forwarded-For.
 */
export function rateLimitKey(trust: TrustProxy, siteKey: string): RateLimitKey {
  return (req) => (isReaderSite(req, siteKey) ? null : clientAddress(req, trust))
}

export const TOO_MANY_BODY = JSON.stringify({ errors: [{ message: 'Too many requests; retry after the time in Retry-After' }] })
