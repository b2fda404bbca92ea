/**
 * `POST /api/preview/live` `{ slug, live }`: the article page rendered with the editor's unsaved
 * title, summary and text (apps/web/lib/livePreview.ts). Draft mode and a CMS session are required,
 * as for every preview; the answer is the page's HTML, never cached.
 */
import { z } from 'zod'
import { LiveArticleInput } from '@/cms/schemas'
import { draftState } from '@web/lib/draft'
import { holdLive, internalOrigin, LIVE_PREVIEW_HEADER, releaseLive } from '@web/lib/livePreview'
import { articlePath, isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

const Body = z.object({ slug: z.string(), live: LiveArticleInput })
const NO_STORE = { 'cache-control': 'no-store' }

const plain = (status: number, text: string) => new Response(`${text}\n`, { status, headers: { ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' } })

export async function POST(request: Request): Promise<Response> {
  const draft = await draftState()
  if (!draft.enabled || draft.token === null) return plain(401, 'Open the preview from the CMS to see drafts')
  const parsed = Body.safeParse(await request.json().catch(() => undefined))
  if (!parsed.success || !isValidSlug(parsed.data.slug)) return plain(400, 'Invalid live preview')
  const origin = internalOrigin()
  if (!origin) return plain(503, 'Live preview needs the reader site server (apps/web/server.ts)')

  const key = holdLive(parsed.data.live)
  try {
    const page = await fetch(`${origin}${articlePath(parsed.data.slug)}`, {
      headers: { cookie: request.headers.get('cookie') ?? '', [LIVE_PREVIEW_HEADER]: key },
      cache: 'no-store',
    })
    return new Response(await page.text(), { status: page.status, headers: { ...NO_STORE, 'content-type': 'text/html; charset=utf-8' } })
  } finally {
    releaseLive(key)
  }
}
