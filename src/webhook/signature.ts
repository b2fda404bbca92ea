/**
 * Signed revalidation webhooks, CMS -> reader site.
 *
 * Header format `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (the shape Stripe uses):
 * the timestamp is inside the signed text, so a captured request cannot be replayed after the
 * tolerance window, and the body cannot be swapped under a valid signature.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const REVALIDATE_SIGNATURE_HEADER = 'x-tripsitter-signature'
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300

// Exactly one timestamp and one 64-hex-digit signature; anything else is malformed, not "maybe valid".
const HEADER_PATTERN = /^t=(\d{1,15}),v1=([0-9a-f]{64})$/

const currentSeconds = (): number => Math.floor(Date.now() / 1000)

function hmac(secret: string, timestamp: number, body: string | Uint8Array): Buffer {
  // Two updates instead of a concatenated string: the server verifies the raw request bytes as received.
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest()
}

export function signRevalidation(body: string, secret: string, nowSeconds: number = currentSeconds()): string {
  const t = Math.floor(nowSeconds)
  return `t=${t},v1=${hmac(secret, t, body).toString('hex')}`
}

/**
 * True only for a well-formed header whose timestamp is within `toleranceSeconds` of now (either
 * direction: a clock a little ahead is fine, a forged far-future timestamp is not) and whose
 * signature matches. An empty secret never verifies: an HMAC keyed with "" is forgeable by anyone.
 */
export function verifyRevalidation(
  header: string | undefined,
  body: string | Uint8Array,
  secret: string,
  nowSeconds: number = currentSeconds(),
  toleranceSeconds: number = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  if (!header || !secret) return false
  const match = HEADER_PATTERN.exec(header.trim())
  if (!match) return false
  const timestamp = Number(match[1])
  if (!Number.isSafeInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false
  const given = Buffer.from(match[2] ?? '', 'hex')
  const expected = hmac(secret, timestamp, body)
  // Lengths are equal by construction (64 hex digits = 32 bytes); the check keeps timingSafeEqual from throwing.
  return given.length === expected.length && timingSafeEqual(given, expected)
}
