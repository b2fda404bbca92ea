/**
 * `GET /sitemap.xml`: home, every published article, author and topic page; past 50,000 URLs, an
 * index of parts (`/sitemap/<n>.xml`). A CMS failure throws (500), never an empty sitemap.
 */
import { sitemapDocument } from '@web/lib/sitemap'
import { sitemapEntries, xmlResponse } from '@web/lib/sitemapEntries'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const { base, entries } = await sitemapEntries()
  return xmlResponse(sitemapDocument(entries, base, null)!)
}
