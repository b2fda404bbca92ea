/**
 * One RSS response for the site feed and each topic's feed: the newest published articles of a
 * list, each with its authors, topics and full sanitized HTML (content:encoded), so feed readers
 * show the article itself. The HTML is the CMS's sanitized section HTML, as the page prints it.
 */
import type { ArticleSummary, AssembledArticle } from '@/cms'
import { webEnv } from '@/env'
import { cms } from './cms'
import { escapeXml } from './xml'
import { renderRss, type RssItem } from './rss'
import { SITE_DESCRIPTION, SITE_LANGUAGE } from './site'
import { articlePath } from './slug'

/** How many articles are fetched at once while a feed is built. */
const CONCURRENCY = 8

function articleHtml(article: AssembledArticle): string {
  return article.sections.map((s) => (s.heading ? `<h2>${escapeXml(s.heading)}</h2>${s.html}` : s.html)).join('\n')
}

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

export async function rssResponse(channel: { title: string; path: string; selfPath: string; description?: string }, articles: readonly ArticleSummary[]): Promise<Response> {
  const base = webEnv().WEB_URL
  const items = await mapLimited(articles, CONCURRENCY, async (a): Promise<RssItem> => {
    // An article unpublished between the list and this read is simply left without its body.
    const full = await cms().getArticleBySlug(a.slug).catch(() => null)
    return {
      title: a.title,
      link: `${base}${articlePath(a.slug)}`,
      description: a.summary,
      publishedAt: a.publishedAt,
      authors: full?.authors.map((p) => p.name) ?? [],
      categories: full?.topics.map((t) => t.name) ?? [],
      contentHtml: full ? articleHtml(full) : null,
    }
  })
  const body = renderRss({
    title: channel.title,
    link: `${base}${channel.path}`,
    selfUrl: `${base}${channel.selfPath}`,
    description: channel.description ?? SITE_DESCRIPTION,
    language: SITE_LANGUAGE,
    items,
  })
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
