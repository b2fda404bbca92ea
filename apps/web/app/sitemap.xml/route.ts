/** `GET /sitemap.xml`: home plus every published article. A CMS failure throws (500), never an empty sitemap. */
import { webEnv } from '@/env'
import { cms } from '../../lib/cms'
import { newestDate } from '../../lib/dates'
import { renderSitemap } from '../../lib/sitemap'
import { articlePath } from '../../lib/slug'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const base = webEnv().WEB_URL
  const articles = await cms().listAllArticles()
  const body = renderSitemap([
    // The front page changes whenever any article does.
    { loc: `${base}/`, lastModified: newestDate(articles.map((a) => a.updatedAt)) },
    ...articles.map((a) => ({ loc: `${base}${articlePath(a.slug)}`, lastModified: a.updatedAt })),
  ])
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
