/** Answers of the preview routes: plain text, never cached, and what a failed session check means. */
import type { SessionCheck } from './cmsSession'

export const NO_STORE = { 'cache-control': 'no-store' }

export const plain = (status: number, text: string): Response =>
  new Response(`${text}\n`, { status, headers: { ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' } })

/**
 * The answer for a session the CMS did not confirm, or null for a signed-in user. CMS down is a 503,
 * rather than a 401 that would send the editor to log in again.
 */
export function sessionRefusal(session: SessionCheck): Response | null {
  if (session === 'cms-unavailable') return plain(503, 'The CMS cannot be reached to check your session')
  if (session === 'no-user') return plain(401, 'Log in to the CMS to preview drafts')
  return null
}
