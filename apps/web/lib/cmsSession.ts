/**
 * Whether a Payload session token belongs to a logged-in CMS user, asked of the CMS itself
 * (`GET /api/users/me`), so the reader site never needs the CMS's signing secret.
 */
import { z } from 'zod'
import { webEnv } from '@/env'
import { PAYLOAD_TOKEN_COOKIE } from './draft'

const MeResponse = z.object({ user: z.looseObject({ id: z.union([z.string(), z.number()]) }).nullable().optional() })

export type SessionCheck = 'user' | 'no-user' | 'cms-unavailable'

export async function checkCmsSession(token: string, fetchImpl: typeof fetch = fetch): Promise<SessionCheck> {
  let response: Response
  try {
    response = await fetchImpl(`${webEnv().CMS_URL}/api/users/me`, {
      headers: { accept: 'application/json', cookie: `${PAYLOAD_TOKEN_COOKIE}=${token}` },
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
