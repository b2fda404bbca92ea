/** sitemaps.org XML, pure. */
import { isoDay, newestDate } from './dates'
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

/** The sitemaps.org limit of URLs in one sitemap file. */
export const MAX_SITEMAP_URLS = 50_000

/** Where part `n` (1-based) of a split sitemap is served. */
export const sitemapPartPath = (n: number) => `/sitemap/${n}.xml`

/**
 * The document for `/sitemap.xml` (part null) or for one part of it. Up to `max` entries: one
 * urlset, and there are no parts. Beyond: `/sitemap.xml` is an index of parts of `max` entries each,
 * in order. Null for a part that does not exist.
 */
export function sitemapDocument(entries: readonly SitemapEntry[], base: string, part: number | null, max = MAX_SITEMAP_URLS): string | null {
  const parts = Math.ceil(entries.length / max)
  if (part === null) {
    if (parts <= 1) return renderSitemap(entries)
    const index = Array.from({ length: parts }, (_, i) => {
      const chunk = entries.slice(i * max, (i + 1) * max)
      const lastmod = isoDay(newestDate(chunk.map((e) => e.lastModified)))
      return `  <sitemap><loc>${escapeXml(`${base}${sitemapPartPath(i + 1)}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`
    })
    return ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...index, '</sitemapindex>', ''].join('\n')
  }
  if (parts <= 1 || !Number.isInteger(part) || part < 1 || part > parts) return null
  return renderSitemap(entries.slice((part - 1) * max, part * max))
}
