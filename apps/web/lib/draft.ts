/**
 * Draft (preview) mode for the article page.
 *
 * Pages otherwise never touch cookies: the front server caches them for everyone. Only when Next's
 * draft-mode cookie is present (set by /api/preview after checking the secret AND a CMS session) does
 * the page read the editor's `payload-token` cookie and forward it to the CMS.
 */
import { cookies, draftMode } from 'next/headers'

export const PAYLOAD_TOKEN_COOKIE = 'payload-token'

/** JWT characters only: the value goes into a Cookie header sent to the CMS. */
export function isPlausibleToken(value: string | undefined): value is string {
  return value !== undefined && value.length > 0 && value.length <= 4096 && /^[A-Za-z0-9._-]+$/.test(value)
}

export interface DraftState {
  enabled: boolean
  /** The editor's CMS session, when draft mode is on and the cookie is there. */
  token: string | null
}

export async function draftState(): Promise<DraftState> {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return { enabled: false, token: null }
  const token = (await cookies()).get(PAYLOAD_TOKEN_COOKIE)?.value
  return { enabled: true, token: isPlausibleToken(token) ? token : null }
}
