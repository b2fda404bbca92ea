/**
 * The HTTP caching policy of both servers, in one place: who counts as a credentialed (private)
 * caller, what each kind of response may be stored as, and conditional GETs. The CMS's API
 * (by-slug endpoint, its in-memory fast path, the headers on Payload's reads) and the reader site's
 * front server all decide with these, so a change of policy cannot miss one of them.
 */
import crypto from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/** A Payload session cookie (`payload-token`, or a prefixed variant). */
const SESSION_COOKIE = /(?:^|;)\s*payload-token[\w-]*=/
/** The reader site's draft mode and Next's preview data: this visitor sees unpublished content. */
const PRIVATE_VIEW_COOKIE = /(?:^|;)\s*(?:__prerender_bypass|__next_preview_data|payload-token[\w-]*)=/

/** A request carries credentials when it has an Authorization header or a Payload session cookie. */
export const carriesCredentials = (headers: Pick<IncomingHttpHeaders, 'authorization' | 'cookie'>): boolean =>
  Boolean(headers.authorization) || (headers.cookie !== undefined && SESSION_COOKIE.test(headers.cookie))

/** On the reader site: credentials or a preview cookie mean a private view that no shared cache may answer. */
export const wantsPrivateView = (headers: Pick<IncomingHttpHeaders, 'authorization' | 'cookie'>): boolean =>
  Boolean(headers.authorization) || (headers.cookie !== undefined && PRIVATE_VIEW_COOKIE.test(headers.cookie))

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
 * Published API content may sit in a shared cache (CDN) briefly; browsers always revalidate with the
 * ETag. Anything read with credentials is someone's private view and is never stored.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'
/** Reader pages: any cache may keep them, but must ask again each time (a publish changes them). */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
/** Content-hashed build assets never change under their name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'
