/** `GET /sitemap/<n>.xml`: part n of a sitemap split past 50,000 URLs (see /sitemap.xml); 404 otherwise. */
import { textNotFound } from '@web/lib/notFound'
import { sitemapDocument } from '@web/lib/sitemap'
import { sitemapEntries, xmlResponse } from '@web/lib/sitemapEntries'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }): Promise<Response> {
  const match = /^([1-9]\d{0,5})\.xml$/.exec((await params).part)
  if (!match) return textNotFound()
  const { base, entries } = await sitemapEntries()
  const body = sitemapDocument(entries, base, Number(match[1]))
  return body === null ? textNotFound() : xmlResponse(body)
}
