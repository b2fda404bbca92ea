import { describe, expect, it } from 'vitest'
import { renderRss } from '../../../apps/web/lib/rss'
import { MAX_SITEMAP_URLS, renderSitemap, sitemapDocument } from '../../../apps/web/lib/sitemap'
import { escapeXml } from '../../../apps/web/lib/xml'

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;')
  })
  it('drops characters XML 1.0 forbids, keeps tab/newline and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\uFFFEe')).toBe('abcde')
    expect(escapeXml('a\tb\nc\rd')).toBe('a\tb\nc\rd')
    expect(escapeXml('lone \uD800 surrogate, pair 😀')).toBe('lone  surrogate, pair 😀')
  })
})

describe('renderRss', () => {
  const xml = renderRss({
    title: 'Tripsitter',
    link: 'https://t.example/',
    selfUrl: 'https://t.example/feed.xml',
    description: 'Desc & more',
    language: 'en',
    items: [
      { title: 'A <b>bold</b> & "quoted" title', link: 'https://t.example/articles/a', description: '</description><x>', publishedAt: '2024-03-05T09:30:00.000Z' },
      { title: 'Older', link: 'https://t.example/articles/b?x=1&y=2', description: null, publishedAt: '2023-01-01T00:00:00.000Z' },
    ],
  })

  it('escapes every text node, so content cannot inject elements', () => {
    expect(xml).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>')
    expect(xml).toContain('<description>&lt;/description&gt;&lt;x&gt;</description>')
    expect(xml).toContain('<guid isPermaLink="true">https://t.example/articles/b?x=1&amp;y=2</guid>')
    expect(xml).not.toContain('<x>')
  })
  it('is RSS 2.0 with a self link, RFC 822 dates and a content-derived lastBuildDate', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">')).toBe(true)
    expect(xml).toContain('<atom:link href="https://t.example/feed.xml" rel="self" type="application/rss+xml"/>')
    expect(xml).toContain('<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>')
    expect(xml).toContain('<lastBuildDate>Tue, 05 Mar 2024 09:30:00 GMT</lastBuildDate>')
  })
  it('omits an item description that is missing rather than emitting an empty one', () => {
    const older = xml.split('<item>')[2] ?? ''
    expect(older).not.toContain('<description>')
  })
  it('has balanced item elements', () => {
    expect(xml.match(/<item>/g)?.length).toBe(2)
    expect(xml.match(/<\/item>/g)?.length).toBe(2)
  })
})

describe('renderSitemap', () => {
  it('lists URLs with day-precision lastmod, escaped', () => {
    expect(
      renderSitemap([
        { loc: 'https://t.example/', lastModified: '2024-06-02T12:00:00.000Z' },
        { loc: 'https://t.example/a?b=1&c=2', lastModified: null },
      ]),
    ).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://t.example/</loc><lastmod>2024-06-02</lastmod></url>',
        '  <url><loc>https://t.example/a?b=1&amp;c=2</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    )
  })
})

describe('sitemapDocument', () => {
  const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ loc: `https://t.example/a/${i}`, lastModified: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z` }))

  it('is one urlset up to 50,000 URLs, with no parts', () => {
    const all = entries(MAX_SITEMAP_URLS)
    expect(sitemapDocument(all, 'https://t.example', null)).toBe(renderSitemap(all))
    expect(sitemapDocument(all, 'https://t.example', 1)).toBeNull()
  })

  it('becomes an index of parts past 50,000 URLs; the parts hold every URL once, in order', () => {
    const all = entries(MAX_SITEMAP_URLS + 1)
    const index = sitemapDocument(all, 'https://t.example', null)!
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(['https://t.example/sitemap/1.xml', 'https://t.example/sitemap/2.xml'])
    expect(index).toContain('<lastmod>2024-01-28</lastmod>')
    const urls = [1, 2].flatMap((n) => [...sitemapDocument(all, 'https://t.example', n)!.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]))
    expect(urls).toEqual(all.map((e) => e.loc))
    expect(sitemapDocument(all, 'https://t.example', 2)!.match(/<url>/g)).toHaveLength(1)
    for (const missing of [0, 3, 1.5]) expect(sitemapDocument(all, 'https://t.example', missing)).toBeNull()
  })
})
