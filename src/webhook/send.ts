/**
 * Sends a signed revalidation webhook to the reader site.
 *
 * Never throws: the CMS calls this from an afterChange hook, and a reader site that is down or slow
 * must not turn a publish into an error. The caller logs the result; the reader site's page cache
 * also expires on its own TTL, so a lost webhook delays freshness rather than losing it.
 */
import { randomUUID } from 'node:crypto'
import { REVALIDATE_SIGNATURE_HEADER, signRevalidation } from './signature'
import { RevalidationEvent } from './schema'

export const REVALIDATE_PATH = '/api/revalidate'

export interface SendRevalidationOptions {
  timeoutMs?: number
  fetch?: typeof fetch
}

export interface SendRevalidationResult {
  ok: boolean
  status?: number
  error?: string
}

export async function sendRevalidation(
  webUrl: string,
  secret: string,
  event: RevalidationEvent,
  { timeoutMs = 2000, fetch: fetchImpl = globalThis.fetch }: SendRevalidationOptions = {},
): Promise<SendRevalidationResult> {
  try {
    // Validate before sending: a bad event would only come back as a 400 after a network round trip.
    const parsed = RevalidationEvent.safeParse({ id: randomUUID(), ...event })
    if (!parsed.success) return { ok: false, error: `invalid event: ${parsed.error.issues.map((i) => i.message).join('; ')}` }
    const body = JSON.stringify(parsed.data)
    const signal = AbortSignal.timeout(timeoutMs)
    const res = await fetchImpl(`${webUrl.replace(/\/+$/, '')}${REVALIDATE_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [REVALIDATE_SIGNATURE_HEADER]: signRevalidation(body, secret) },
      body,
      signal,
    })
    // Drain the body so the connection can be reused; its content only matters for the error text.
    const text = await res.text()
    if (res.ok) return { ok: true, status: res.status }
    return { ok: false, status: res.status, error: `HTTP ${res.status}: ${text.slice(0, 200)}` }
  } catch (err) {
    return { ok: false, error: describe(err) }
  }
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timed out'
  // undici wraps the useful part (ECONNREFUSED, ENOTFOUND) in `cause`.
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : ''
  return `${err.message}${cause}`
}
