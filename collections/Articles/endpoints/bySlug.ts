import type { Endpoint } from 'payload'
import { assembleArticle } from './assemble'
import { etagOf, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/http/policy'
import { seesDrafts } from '../../access/roles'

const JSON_TYPE = 'application/json; charset=utf-8'

/**
 * GET /api/articles/by-slug/:slug — the assembled published article (see src/cms/schemas.ts).
 * `?draft=true` shows the latest drafts to staff and integrations; for anyone else it is ignored,
 * never an error, so a leaked preview link reveals nothing. Anonymous answers are kept in the API
 * cache by the CMS's HTTP layer (apps/cms/http/apiCacheHeaders.ts), like every public read.
 */
export const bySlugEndpoint: Endpoint = {
  path: '/by-slug/:slug',
  method: 'get',
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    const draft = req.searchParams.get('draft') === 'true' && seesDrafts(req.user)
    const anonymous = !req.user
    const article = await assembleArticle({ slug, draft, req })
    if (!article) {
      return Response.json({ errors: [{ message: `No published article with slug "${slug}"` }] }, {
        status: 404,
        headers: { 'cache-control': anonymous ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL },
      })
    }
    const body = Buffer.from(JSON.stringify(article))
    const etag = etagOf(body)
    const headers = {
      'content-type': JSON_TYPE,
      etag,
      'cache-control': anonymous ? PUBLIC_CACHE_CONTROL : PRIVATE_CACHE_CONTROL,
    }
    // No 304 here: the HTTP layer answers If-None-Match after it has stored the 200, so a run of
    // conditional requests refills the API cache instead of assembling the article every time.
    return new Response(body, { status: 200, headers })
  },
}
