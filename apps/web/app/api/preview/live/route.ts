/**
 * `POST /api/preview/live` `{ slug, live }`: the article page rendered with the editor's unsaved
 * title, summary and text (apps/web/lib/livePreview.ts); the answer is the page's HTML, never cached.
 *
 * The editor's CMS session (`payload-token` cookie) is the key, checked with the CMS as for every
 * preview (and the CMS reads unsaved text for staff only). The page render gets the session and the
 * text in memory under a random key, not through cookies, so nothing a browser sends can make an
 * ordinary page request render someone's unsaved text.
 */
import { z } from 'zod'
import { LiveArticleInput } from '@/cms/schemas'
import type { NextRequest } from 'next/server'
import { checkCmsSession } from '@web/lib/cmsSession'
import { PAYLOAD_TOKEN_COOKIE, isPlausibleToken } from '@web/lib/draft'
import { holdLive, internalOrigin, LIVE_PREVIEW_HEADER, releaseLive } from '@web/lib/livePreview'
import { NO_STORE, plain, sessionRefusal } from '@web/lib/previewResponse'
import { articlePath, isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

const Body = z.object({ slug: z.string(), live: LiveArticleInput })

export async function POST(request: NextRequest): Promise<Response> {
  const token = request.cookies.get(PAYLOAD_TOKEN_COOKIE)?.value
  if (!isPlausibleToken(token)) return plain(401, 'Log in to the CMS to preview drafts')
  const parsed = Body.safeParse(await request.json().catch(() => undefined))
  if (!parsed.success || !isValidSlug(parsed.data.slug)) return plain(400, 'Invalid live preview')
  const origin = internalOrigin()
  if (!origin) return plain(503, 'Live preview needs the reader site server (apps/web/server.ts)')

  const key = holdLive(parsed.data.live, token)
  try {
    // The session check runs beside the render (a preview follows typing, so every ms counts); a
    // render for a session that fails it is thrown away.
    const [session, page] = await Promise.all([
      checkCmsSession(token),
      fetch(`${origin}${articlePath(parsed.data.slug)}`, { headers: { [LIVE_PREVIEW_HEADER]: key }, cache: 'no-store' }),
    ])
    const refused = sessionRefusal(session)
    if (refused) return refused
    return new Response(await page.text(), { status: page.status, headers: { ...NO_STORE, 'content-type': 'text/html; charset=utf-8' } })
  } finally {
    releaseLive(key)
  }
}
