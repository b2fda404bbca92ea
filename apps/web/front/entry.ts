/**
 * A cached response, built once when it is stored: body, brotli and gzip variants, ETag and the complete header
 * objects for every way it can be served. Serving an entry is then `writeHead(status, prebuilt)` +
 * `end(buffer)`, with no per-request allocation on a hit.
 */
import { createHash } from 'node:crypto'
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import { promisify } from 'node:util'
import { brotliCompress as brotliCallback, gzip as gzipCallback } from 'node:zlib'
import { endToEndHeaders, withSecurityHeaders, type HeaderMap } from './headers'
import { IMMUTABLE_CACHE_CONTROL, PAGE_CACHE_CONTROL } from '@/http/policy'
import { hashedScriptSrc } from '@/http/csp'
import { GZIP_OPTIONS, brotliOptions, etagForEncoding, isCompressible, smaller, type Encoding } from '@/http/compression'

const gzip = promisify(gzipCallback)
const brotli = promisify(brotliCallback)

export type CacheLabel = 'HIT' | 'MISS' | 'STALE' | 'STALE-IF-ERROR'

/** One encoding of a cached response, ready to write. All header objects say `x-cache: HIT`. */
export interface Variant {
  readonly body: Buffer
  readonly headers: OutgoingHttpHeaders
  /** For a 304: the validators and caching headers of this variant, without the body headers. */
  readonly notModified: OutgoingHttpHeaders
}

export interface PageEntry {
  readonly kind: 'page'
  readonly status: number
  readonly identity: Variant
  /** Present when the body is compressible and gzip actually made it smaller. */
  readonly gzip: Variant | undefined
  /** The same for brotli (about a fifth smaller than gzip on these pages). */
  readonly br: Variant | undefined
  /** Matched as a substring of If-None-Match; undefined when the status has no validator (non-200). */
  readonly etagToken: string | undefined
  readonly bytes: number
  /** /_next/static/*: content-hashed file names, so never stale and never purged. */
  readonly immutable: boolean
  expiresAt: number
  /** After a failed background refresh, the next attempt waits until this time. */
  refreshAfter: number
  /** CLOCK reference bit: set on every hit, cleared by the evictor (see pageCache.ts). */
  used: boolean
}

/**
 * "Ask upstream directly" for a key whose responses cannot be shared (they set cookies, or are too
 * large to hold). Remembered for one TTL so each request does not first try a cache fill.
 */
export interface PassEntry {
  readonly kind: 'pass'
  readonly bytes: number
  readonly immutable: false
  expiresAt: number
  used: boolean
}

export type CacheEntry = PageEntry | PassEntry

// PAGE_CACHE_CONTROL: the front server owns freshness (it is purged on publish), so browsers revalidate each time;
// a 304 against the prebuilt ETag is cheap. Upstream's own Cache-Control (Next sends `no-store` on
// every dynamic page) is replaced, or browsers could never use the ETag.

/** Upstream headers that the cache replaces or must not replay to other visitors. */
const NOT_STORED = new Set([
  'set-cookie',
  'content-length',
  'content-encoding',
  'date',
  'etag',
  'last-modified',
  'cache-control',
  'expires',
  'age',
  'x-powered-by',
])

export interface EntryInput {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  immutable: boolean
  expiresAt: number
  security: HeaderMap
}

export async function buildPageEntry(input: EntryInput): Promise<PageEntry> {
  const { status, body, immutable, security } = input
  const contentType = input.headers['content-type'] ?? ''
  // Compressed once, off the event loop (a publish refills many pages at once), at the same settings
  // as the CMS's responses (see src/http/compression.ts).
  const [gzipped, brotlied] = isCompressible(body, contentType) ? await Promise.all([gzip(body, GZIP_OPTIONS), brotli(body, brotliOptions(body.length))]) : []
  const gz = smaller(gzipped, body)
  const br = smaller(brotlied, body)

  const base = endToEndHeaders(input.headers, NOT_STORED)
  base['cache-control'] = immutable ? IMMUTABLE_CACHE_CONTROL : PAGE_CACHE_CONTROL
  if (gz || br) base.vary = appendVary(base.vary, 'Accept-Encoding')
  withSecurityHeaders(base, security)
  // One stored page is served to many visitors, so its inline scripts are allowed by hash, not by
  // a nonce (which would be the same for everyone).
  if (/^text\/html/i.test(contentType)) base['content-security-policy'] = withDirective(base['content-security-policy'], hashedScriptSrc(body))

  // Conditional requests only make sense for a 200 (RFC 9110 13.2.1); 404s and redirects get no ETag.
  const etagToken = status === 200 ? createHash('sha1').update(body).digest('base64url') : undefined
  const variant = (encoding: Encoding, payload: Buffer): Variant => {
    const headers: OutgoingHttpHeaders = { ...base }
    if (etagToken) headers.etag = etagForEncoding(`"${etagToken}"`, encoding)
    if (encoding !== 'identity') headers['content-encoding'] = encoding
    headers['content-length'] = String(payload.length)
    headers['x-cache'] = 'HIT'
    return { body: payload, headers, notModified: notModifiedHeaders(headers) }
  }
  return {
    kind: 'page',
    status,
    identity: variant('identity', body),
    gzip: gz ? variant('gzip', gz) : undefined,
    br: br ? variant('br', br) : undefined,
    etagToken,
    bytes: body.length + (gz?.length ?? 0) + (br?.length ?? 0) + 1024, // + a rough allowance for headers and bookkeeping
    immutable,
    expiresAt: input.expiresAt,
    refreshAfter: 0,
    used: false,
  }
}

export function passEntry(expiresAt: number): PassEntry {
  return { kind: 'pass', bytes: 64, immutable: false, expiresAt, used: false }
}

/** A 304 carries the validators and caching headers of the 200 it stands for, but no body headers. */
function notModifiedHeaders(full: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const headers = { ...full }
  delete headers['content-length']
  delete headers['content-encoding']
  delete headers['content-type']
  return headers
}

/** Adds a directive to the last policy of a header (ours; see withSecurityHeaders). */
export function withDirective(existing: OutgoingHttpHeaders[string], directive: string): string {
  const current = existing === undefined ? '' : Array.isArray(existing) ? existing.join(', ') : String(existing)
  return current ? `${current}; ${directive}` : directive
}

function appendVary(existing: OutgoingHttpHeaders[string], token: string): string {
  const current = existing === undefined ? '' : Array.isArray(existing) ? existing.join(', ') : String(existing)
  if (current.split(',').some((t) => t.trim().toLowerCase() === token.toLowerCase())) return current
  return current ? `${current}, ${token}` : token
}

/** Same headers with another `x-cache` label; only used off the hit path. */
export function relabel(headers: OutgoingHttpHeaders, label: CacheLabel): OutgoingHttpHeaders {
  return label === 'HIT' ? headers : { ...headers, 'x-cache': label }
}
