import type { Endpoint } from 'payload'
import { z } from 'zod'
import { LiveArticleInput } from '@/cms/schemas'
import { PRIVATE_CACHE_CONTROL } from '@/http/policy'
import { seesDrafts } from '../../access/roles'
import { assembleArticle } from './assemble'

const Body = z.object({ slug: z.string().min(1).max(300), live: LiveArticleInput })

const error = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status, headers: { 'cache-control': PRIVATE_CACHE_CONTROL } })

/**
 * POST /api/articles/live-preview `{ slug, live: { title?, summary?, text? } }`: the assembled
 * article as it reads with the editor's unsaved changes, for the reader site's live preview while
 * typing. A read: nothing is stored, so a preview can run on every pause in typing without adding
 * versions. Staff only (401 otherwise); the rest of the article (byline, topics, hero image) is its
 * latest draft.
 */
export const livePreviewEndpoint: Endpoint = {
  path: '/live-preview',
  method: 'post',
  handler: async (req) => {
    if (!seesDrafts(req.user)) return error(401, 'Sign in to the CMS to preview drafts')
    const parsed = Body.safeParse(await req.json?.().catch(() => undefined))
    if (!parsed.success) return error(400, `Invalid live preview: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`)
    const article = await assembleArticle({ slug: parsed.data.slug, draft: true, req, live: parsed.data.live })
    if (!article) return error(404, `No article with slug "${parsed.data.slug}"`)
    return Response.json(article, { headers: { 'cache-control': PRIVATE_CACHE_CONTROL } })
  },
}
