/** sitemaps.org XML, pure. */
import { isoDay } from './dates'
import { escapeXml } from './xml'

export interface SitemapEntry {
  loc: string
  lastModified: string | null
}

export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(({ loc, lastModified }) => {
    const lastmod = isoDay(lastModified)
    return `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`
  })
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n')
}
