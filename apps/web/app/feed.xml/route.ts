/** `GET /feed.xml`: RSS 2.0 of the newest 50 published articles. A CMS failure throws (500). */
import { webEnv } from '@/env'
import { cms } from '../../lib/cms'
import { renderRss } from '../../lib/rss'
import { FEED_SIZE, SITE_DESCRIPTION, SITE_LANGUAGE, SITE_NAME } from '../../lib/site'
import { articlePath } from '../../lib/slug'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const base = webEnv().WEB_URL
  const list = await cms().listArticles({ page: 1, limit: FEED_SIZE, sort: '-publishedAt' })
  const body = renderRss({
    title: SITE_NAME,
    link: `${base}/`,
    selfUrl: `${base}/feed.xml`,
    description: SITE_DESCRIPTION,
    language: SITE_LANGUAGE,
    items: list.docs.map((a) => ({
      title: a.title,
      link: `${base}${articlePath(a.slug)}`,
      description: a.summary,
      publishedAt: a.publishedAt,
    })),
  })
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
