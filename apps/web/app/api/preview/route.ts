/**
 * `GET /api/preview?secret=...&slug=...`: turns on Next's draft mode for an editor, then redirects to
 * the article. Two keys are required, because draft mode makes pages read cookies and skip the cache:
 * the shared PREVIEW_SECRET (the CMS puts it in its preview links) AND a live CMS session
 * (`payload-token` cookie, checked against the CMS), so a leaked link alone shows nothing.
 */
import { draftMode } from 'next/headers'
import type { NextRequest } from 'next/server'
import { webEnv } from '@/env'
import { checkCmsSession } from '@web/lib/cmsSession'
import { PAYLOAD_TOKEN_COOKIE, isPlausibleToken } from '@web/lib/draft'
import { NO_STORE, plain, sessionRefusal } from '@web/lib/previewResponse'
import { secretsMatch } from '@web/lib/secret'
import { articlePath, isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'


export async function GET(request: NextRequest): Promise<Response> {
  const params = request.nextUrl.searchParams
  if (!secretsMatch(params.get('secret') ?? '', webEnv().PREVIEW_SECRET)) return plain(401, 'Invalid preview link')
  const slug = params.get('slug')
  if (!isValidSlug(slug)) return plain(400, 'Invalid slug')
  const token = request.cookies.get(PAYLOAD_TOKEN_COOKIE)?.value
  if (!isPlausibleToken(token)) return plain(401, 'Log in to the CMS to preview drafts')

  const refused = sessionRefusal(await checkCmsSession(token))
  if (refused) return refused

  ;(await draftMode()).enable()
  // A relative Location: correct behind the front server, whatever host the request came in on.
  return new Response(null, { status: 307, headers: { ...NO_STORE, location: articlePath(slug) } })
}
