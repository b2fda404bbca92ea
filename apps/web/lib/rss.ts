/** RSS 2.0 rendering, pure: the route fetches, this formats (and is unit-tested for escaping). */
import { newestDate, rfc822Date } from './dates'
import { escapeXml } from './xml'

export interface RssItem {
  title: string
  link: string
  description: string | null
  publishedAt: string | null
  /** Names of the authors: one dc:creator each. */
  authors?: readonly string[]
  /** Topic names: one category each. */
  categories?: readonly string[]
  /** The whole article as sanitized HTML, for readers that show full content (content:encoded). */
  contentHtml?: string | null
}

export interface RssChannel {
  title: string
  /** The site's home page. */
  link: string
  /** Absolute URL of the feed itself (atom:link rel=self, which validators ask for). */
  selfUrl: string
  description: string
  language: string
  items: readonly RssItem[]
}

function element(name: string, text: string | null): string {
  return text === null ? '' : `<${name}>${escapeXml(text)}</${name}>`
}

function renderItem(item: RssItem): string {
  const parts = [
    element('title', item.title),
    element('link', item.link),
    `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
    element('pubDate', rfc822Date(item.publishedAt)),
    element('description', item.description),
    ...(item.authors ?? []).map((a) => element('dc:creator', a)),
    ...(item.categories ?? []).map((c) => element('category', c)),
    item.contentHtml ? element('content:encoded', item.contentHtml) : '',
  ]
  return `    <item>${parts.join('')}</item>`
}

export function renderRss(channel: RssChannel): string {
  // lastBuildDate follows the newest item, not the clock, so an unchanged feed is byte-identical.
  const lastBuild = rfc822Date(newestDate(channel.items.map((i) => i.publishedAt)))
  const head = [
    element('title', channel.title),
    element('link', channel.link),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    element('description', channel.description),
    element('language', channel.language),
    element('lastBuildDate', lastBuild),
  ].join('')
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `  <channel>${head}`,
    ...channel.items.map(renderItem),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}
