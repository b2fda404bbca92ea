import crypto from 'node:crypto'

/** Strong ETag of a body: equal bytes, equal tag, on any server in the fleet. */
export const etagOf = (body: Buffer | string): string =>
  `"${crypto.createHash('sha1').update(body).digest('base64url')}"`

/** RFC 9110 If-None-Match: a list of tags or "*"; weak tags compare equal to strong ones. */
export function matchesIfNoneMatch(header: string | undefined | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare)
}

/**
 * Published content may sit in a shared cache (CDN) briefly; browsers always revalidate with the
 * ETag. Anything read with credentials is someone's private view and is never stored.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
