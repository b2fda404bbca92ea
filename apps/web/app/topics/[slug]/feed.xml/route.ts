/** `GET /topics/<slug>/feed.xml`: RSS 2.0 of the newest 50 published articles in one topic; 404 for an unknown topic. */
import { cms } from '@web/lib/cms'
import { rssResponse } from '@web/lib/feed'
import { topicPath } from '@web/lib/people'
import { FEED_SIZE, SITE_NAME } from '@web/lib/site'
import { isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  const topic = isValidSlug(slug) ? await cms().getTopic(slug) : null
  if (!topic) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const list = await cms().listArticles({ page: 1, limit: FEED_SIZE, sort: '-publishedAt', where: { topics: { in: [topic.id] } } })
  return rssResponse(
    { title: `${SITE_NAME}: ${topic.name}`, path: topicPath(slug), selfPath: `${topicPath(slug)}/feed.xml`, description: topic.description ?? undefined },
    list.docs,
  )
}
