/** `GET /sitemap.xml`: home, every published article, author and topic page. A CMS failure throws (500), never an empty sitemap. */
import { webEnv } from '@/env'
import { cms } from '../../lib/cms'
import { newestDate } from '../../lib/dates'
import { authorPath, topicPath } from '../../lib/people'
import { renderSitemap } from '../../lib/sitemap'
import { articlePath } from '../../lib/slug'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const base = webEnv().WEB_URL
  const [articles, people, topics] = await Promise.all([cms().listAllArticles(), cms().listPeople(), cms().listTopics()])
  const body = renderSitemap([
    // The front page changes whenever any article does.
    { loc: `${base}/`, lastModified: newestDate(articles.map((a) => a.updatedAt)) },
    ...articles.map((a) => ({ loc: `${base}${articlePath(a.slug)}`, lastModified: a.updatedAt })),
    ...people.map((p) => ({ loc: `${base}${authorPath(p.slug)}`, lastModified: null })),
    ...topics.map((t) => ({ loc: `${base}${topicPath(t.slug)}`, lastModified: null })),
  ])
  return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
