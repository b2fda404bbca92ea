/**
 * The one place the reader site creates its CMS client, and the one policy for CMS failures.
 *
 * Why `cache: 'no-store'`: caching is the front server's job (apps/web/front/), which keeps whole
 * rendered responses and purges them on the CMS webhook. A second cache in Next's fetch layer would
 * outlive those purges and serve stale articles after an edit.
 *
 * Why lazy: `next build` evaluates route modules, and the environment (and the CMS) must not be
 * needed then; the client is created on the first request instead.
 */
import { cache } from 'react'
import { createCmsClient, isCmsError, type AssembledArticle, type CmsClient } from '@/cms'
import type { LiveArticleInput } from '@/cms/schemas'
import { webEnv } from '@/env'
import { cmsAuthorization } from './cmsSession'
import { readerSiteKey, SITE_KEY_HEADER } from '@/http/siteKey'

let client: CmsClient | undefined

export function cms(): CmsClient {
  client ??= createCmsClient({
    baseURL: webEnv().CMS_URL,
    init: { cache: 'no-store' },
    // The CMS keeps assembled articles in memory for a few seconds; a writer in another process (a
    // seed, an import) cannot purge that memory. Pages are rebuilt only after a purge, so ask for
    // the current rows every time.
    // The site key: the CMS counts these requests against the site, not against one address (see
    // src/http/siteKey.ts); the front server bounds what each visitor can make the site ask for.
    headers: { 'cache-control': 'no-cache', [SITE_KEY_HEADER]: readerSiteKey(webEnv().REVALIDATE_SECRET) },
    // One retry, 4 s each: a reader waiting longer is better served by the front server's stale copy.
    timeoutMs: 4000,
    retries: 1,
  })
  return client
}

/**
 * The article for this request, or null when there is none. React's `cache` makes generateMetadata
 * and the page share one fetch. `draftToken` is the editor's Payload session, set only in draft
 * mode; without it the CMS answers with the published version only.
 * A missing article is null, not an exception: generateMetadata then describes a 404 page and
 * only the page component calls notFound().
 */
export const loadArticle = cache(async (slug: string, draftToken: string | null): Promise<AssembledArticle | null> => {
  try {
    return draftToken === null
      ? await cms().getArticleBySlug(slug)
      : await cms().getArticleBySlug(slug, { draft: true, headers: cmsAuthorization(draftToken) })
  } catch (error) {
    if (isCmsError(error) && error.status === 404) return null
    throw error
  }
})

/**
 * Live preview: the article as it reads with the editor's unsaved changes (lib/livePreview.ts).
 * Shared by generateMetadata and the page like loadArticle; null when there is no such article.
 */
export const loadLiveArticle = cache(async (slug: string, draftToken: string, live: LiveArticleInput): Promise<AssembledArticle | null> => {
  try {
    return await cms().previewArticle(slug, live, { headers: cmsAuthorization(draftToken) })
  } catch (error) {
    if (isCmsError(error) && error.status === 404) return null
    throw error
  }
})
