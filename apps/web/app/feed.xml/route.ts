/** `GET /feed.xml`: RSS 2.0 of the newest 50 published articles. A CMS failure throws (500). */
import { cms } from '@web/lib/cms'
import { rssResponse } from '@web/lib/feed'
import { FEED_SIZE, SITE_NAME } from '@web/lib/site'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const list = await cms().listArticles({ page: 1, limit: FEED_SIZE, sort: '-publishedAt' })
  return rssResponse({ title: SITE_NAME, path: '/', selfPath: '/feed.xml' }, list.docs)
}
