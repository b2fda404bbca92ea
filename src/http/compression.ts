/**
 * Response compression for both servers: each body is compressed once, when it is cached, and each
 * request is sent the smallest variant it accepts (`Accept-Encoding`, with q=0 meaning "not this").
 * Brotli runs at quality 5: within a few per cent of its best ratio on JSON and HTML at a small
 * fraction of the CPU, which matters because a publish re-compresses every page it purges.
 */
import { brotliCompressSync, constants, gzipSync, type BrotliOptions, type ZlibOptions } from 'node:zlib'

export type Encoding = 'br' | 'gzip' | 'identity'
export type Variants = { identity: Buffer; gzip?: Buffer; br?: Buffer }

/** Below this, compression saves less than the headers it costs. */
export const MIN_COMPRESS_BYTES = 1024
export const COMPRESSIBLE_TYPE = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image\/svg\+xml)/i

/** Whether a body of this type and size is worth compressing at all. */
export const isCompressible = (body: Buffer, contentType: string): boolean => body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE_TYPE.test(contentType)

/** The settings every compressed variant is made with, on either server. */
export const GZIP_OPTIONS: ZlibOptions = { level: 6 }
export const brotliOptions = (size: number): BrotliOptions => ({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: size } })

/** A compressed body, kept only when it is actually smaller. */
export const smaller = (compressed: Buffer | undefined, body: Buffer): Buffer | undefined => (compressed && compressed.length < body.length ? compressed : undefined)

export function compressVariants(body: Buffer, contentType: string): Variants {
  if (!isCompressible(body, contentType)) return { identity: body }
  const gzip = smaller(gzipSync(body, GZIP_OPTIONS), body)
  const br = smaller(brotliCompressSync(body, brotliOptions(body.length)), body)
  return { identity: body, ...(gzip ? { gzip } : {}), ...(br ? { br } : {}) }
}

/** Whether `Accept-Encoding` allows `coding` (listed, or `*`, with a q-value above zero). */
export function accepts(header: string | undefined, coding: 'br' | 'gzip'): boolean {
  const value = header?.toLowerCase()
  if (!value || (!value.includes(coding) && !value.includes('*'))) return false
  let star = false
  for (const part of value.split(',')) {
    const [name = '', ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const allowed = q === undefined || Number(q.slice(2)) > 0
    if (name.trim() === coding) return allowed
    if (name.trim() === '*') star = allowed
  }
  return star
}

/** The smallest variant the client accepts: brotli, then gzip, then the plain body. */
export function chooseEncoding(header: string | undefined, variants: Variants): Encoding {
  if (variants.br && accepts(header, 'br')) return 'br'
  if (variants.gzip && accepts(header, 'gzip')) return 'gzip'
  return 'identity'
}

/** A strong ETag per representation (RFC 9110 8.8.3): the same bytes compressed are different bytes. */
export const etagForEncoding = (etag: string, encoding: Encoding): string =>
  encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`
