/** Every URL the sitemap lists, in a stable order (parts of a split sitemap keep their contents). */
import { webEnv } from '@/env'
import { cms } from './cms'
import { newestDate } from './dates'
import { authorPath, topicPath } from './people'
import type { SitemapEntry } from './sitemap'
import { articlePath } from './slug'

export async function sitemapEntries(): Promise<{ base: string; entries: SitemapEntry[] }> {
  const base = webEnv().WEB_URL
  const [articles, people, topics] = await Promise.all([cms().listAllArticles(), cms().listPeople(), cms().listTopics()])
  const entries = [
    // The front page changes whenever any article does.
    { loc: `${base}/`, lastModified: newestDate(articles.map((a) => a.updatedAt)) },
    ...articles.map((a) => ({ loc: `${base}${articlePath(a.slug)}`, lastModified: a.updatedAt })),
    ...people.map((p) => ({ loc: `${base}${authorPath(p.slug)}`, lastModified: null })),
    ...topics.map((t) => ({ loc: `${base}${topicPath(t.slug)}`, lastModified: null })),
  ]
  return { base, entries }
}

export const xmlResponse = (body: string): Response => new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
