/**
 * Whether a Payload session token belongs to a logged-in CMS user, asked of the CMS itself
 * (`GET /api/users/me`), so the reader site never needs the CMS's signing secret.
 */
import { z } from 'zod'
import { webEnv } from '@/env'
import { readerSiteKey, SITE_KEY_HEADER } from '@/http/siteKey'

/**
 * The editor's session token, sent the way Payload accepts it from a server: as a JWT header. A
 * cookie would be ignored, because the CMS (rightly) trusts session cookies only on requests whose
 * Origin it knows (its CSRF list), and a server-side fetch has none.
 */
export const cmsAuthorization = (token: string) => ({ authorization: `JWT ${token}` })

const MeResponse = z.object({ user: z.looseObject({ id: z.union([z.string(), z.number()]) }).nullable().optional() })

export type SessionCheck = 'user' | 'no-user' | 'cms-unavailable'

export async function checkCmsSession(token: string, fetchImpl: typeof fetch = fetch): Promise<SessionCheck> {
  let response: Response
  try {
    response = await fetchImpl(`${webEnv().CMS_URL}/api/users/me`, {
      headers: { accept: 'application/json', [SITE_KEY_HEADER]: readerSiteKey(webEnv().REVALIDATE_SECRET), ...cmsAuthorization(token) },
      cache: 'no-store',
      signal: AbortSignal.timeout(5000),
    })
  } catch {
    return 'cms-unavailable'
  }
  if (response.status >= 500) return 'cms-unavailable'
  if (!response.ok) return 'no-user'
  const parsed = MeResponse.safeParse(await response.json().catch(() => null))
  return parsed.success && parsed.data.user ? 'user' : 'no-user'
}
