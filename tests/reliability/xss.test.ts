/**
 * Stored XSS: an editor's account (stolen, or careless) writes script into every field a
 * reader sees: title, summary, section heading, rich text (text, links with javascript:/data:/
 * vbscript: URLs, an unknown raw-HTML node), a citation's label, author and DOI. Payload stores
 * what editors type, so the proof is on the way out: the sanitized HTML the API returns, the reader
 * page, the front page and the RSS feed carry it as inert text, and Chromium loading those pages
 * runs none of it. The one field with a URL validator (a citation's URL) refuses javascript: with
 * a 400 and changes nothing.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { databaseSnapshot } from '../helpers/snapshot'
import { launchChromium, readerPage } from '../helpers/chromium'
import { bySlug, link, send, text } from './support'
import type { AssembledArticle } from '../../src/cms/schemas'

const SLUG = 'stored-xss-probe'
const TITLE = `</script><script>window.__xss='title'</script><img src=x onerror="window.__xss='title-img'">`
const SUMMARY = `<script>window.__xss='summary'</script>]]></description><script>window.__xss='feed'</script>`
const HEADING = `"><svg onload=window.__xss='heading'>`
const HOSTILE_URLS = [
  "javascript:window.__xss='js'",
  "JaVaScRiPt:window.__xss='case'",
  "java\tscript:window.__xss='tab'",
  "data:text/html,<script>window.__xss='data'</script>",
  "vbscript:msgbox('x')",
  '&#106;avascript:window.__xss=1',
]

let stack: Stack
let admin: Session
let editor: Session
let browser: Browser | undefined
let article: AssembledArticle

beforeAll(async () => {
  stack = await startStack({ web: true })
  const cms = stack.cms.url
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  admin = await createFirstAdmin(cms)
  editor = await createUser(cms, admin, 'editor')

  const citation = await send(cms, 'POST', '/api/citations?depth=0', {
    label: `Evil <script>window.__xss='label'</script> (2020)`,
    firstAuthor: `<img src=x onerror="window.__xss='author'">`,
    authors: `<b onmouseover="window.__xss='authors'">Evil</b>`,
    year: 2020,
    // A DOI with markup in it is refused on input (400); the hostile text goes in the other fields.
    doi: '10.1234/xss-probe',
    title: `<script>window.__xss='title'</script>A study`,
    journal: `<img src=x onerror="window.__xss='journal'">`,
  }, editor)
  expect(citation.status).toBe(201)
  const citationId = (await json<{ doc: { id: number } }>(citation)).doc.id

  const draft = await send(cms, 'POST', '/api/articles?draft=true&depth=0', { title: TITLE, slug: SLUG, summary: SUMMARY, _status: 'draft' }, editor)
  expect(draft.status).toBe(201)
  const articleId = (await json<{ doc: { id: number } }>(draft)).doc.id
  const body = {
    root: {
      type: 'root', version: 1, format: '', indent: 0, direction: 'ltr',
      children: [
        { type: 'html', version: 1, html: `<script>window.__xss='raw-node'</script>`, children: [text(`<script>window.__xss='inside-raw'</script>`)] },
        { type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', textFormat: 0, children: [
          text(`<script>window.__xss='text'</script><img src=x onerror="window.__xss='img'">`),
          { type: 'inlineBlock', version: 1, fields: { id: 'a1b2c3d4e5f6a1b2c3d4e5f6', blockType: 'citationRef', blockName: '', citation: citationId } },
        ] },
        { type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', textFormat: 0, children: HOSTILE_URLS.map((url, i) => link(url, `hostile link ${i}`)) },
      ],
    },
  }
  const section = await send(cms, 'POST', '/api/sections?depth=0', { article: articleId, heading: HEADING, body, _status: 'draft' }, editor)
  expect(section.status, await section.clone().text()).toBe(201)
  const sectionId = (await json<{ doc: { id: number } }>(section)).doc.id
  const published = await send(cms, 'PATCH', `/api/articles/${articleId}?depth=0`, { sections: [sectionId], _status: 'published' }, editor)
  expect(published.status).toBe(200)
  article = await bySlug(cms, SLUG)
})

afterAll(async () => {
  await browser?.close()
  await stack?.stop()
})

/** Tags and attributes the sanitizer may emit (src/richtext/toHtml.ts); anything else is an injection. */
const ALLOWED_TAGS = new Set(['p', 'a', 'strong', 'em', 's', 'u', 'code', 'sub', 'sup', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr'])
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'target', 'id', 'class', 'role', 'aria-label', 'start'])
const SAFE_HREF = /^(https?:|mailto:|\/|#|\?|\.\.?\/)/i

describe('the sanitized HTML in the by-slug API', () => {
  it('keeps every hostile string as text and emits only allow-listed tags, attributes and URLs', () => {
    const html = article.sections.map((s) => s.html).join('\n')
    for (const [, name, attrs] of html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
      expect(ALLOWED_TAGS.has(name!.toLowerCase()), `<${name}${attrs}>`).toBe(true)
      for (const [, attr, value] of attrs!.matchAll(/\s([a-z-]+)="([^"]*)"/gi)) {
        expect(ALLOWED_ATTRIBUTES.has(attr!.toLowerCase()), `${attr}="${value}"`).toBe(true)
        if (attr === 'href') expect(value, 'href').toMatch(SAFE_HREF)
      }
    }
    expect(html).toContain('&lt;script&gt;window.__xss=&#39;text&#39;&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss=&#39;img&#39;&quot;&gt;')
    // Hostile links keep their words and lose their link.
    for (let i = 0; i < HOSTILE_URLS.length; i++) expect(html).toContain(`hostile link ${i}`)
    expect(html).not.toMatch(/<a [^>]*href="[^"#]*(script|data):/i)
    // The raw node's html property is never output; its text child is, escaped.
    expect(html).not.toContain("window.__xss='raw-node'")
    expect(html).toContain('&lt;script&gt;window.__xss=&#39;inside-raw&#39;&lt;/script&gt;')
    expect(article.sections[0]!.heading).toBe(HEADING)
  })

  it('refuses what Payload validates in rich text (a spaced link URL, a heading tag) with 400 and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [link(" javascript:window.__xss='space'", 'spaced'), 'link node failed to validate: The following fields are invalid: url'],
      [{ type: 'heading', tag: 'script', version: 1, format: '', indent: 0, direction: 'ltr', children: [text('a heading tag of script')] }, 'heading node failed to validate: Heading tag must be one of h1, h2, h3, h4, h5, h6.'],
    ]
    const before = await databaseSnapshot(stack.cms.url, admin)
    for (const [node, message] of cases) {
      const block = (node as { type: string }).type === 'link' ? { type: 'paragraph', version: 1, format: '', indent: 0, direction: 'ltr', textFormat: 0, children: [node] } : node
      const body = { root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children: [block] } }
      const res = await send(stack.cms.url, 'POST', '/api/sections', { article: article.id, heading: 'Refused', body, _status: 'draft' }, editor)
      expect(res.status).toBe(400)
      expect((await json<{ errors: { data: { errors: { message: string }[] } }[] }>(res)).errors[0]!.data.errors[0]!.message).toBe(message)
    }
    expect(await databaseSnapshot(stack.cms.url, admin)).toBe(before)
  })

  it('refuses a javascript: URL on a citation with 400 and changes nothing', async () => {
    const before = await databaseSnapshot(stack.cms.url, admin)
    const res = await send(stack.cms.url, 'POST', '/api/citations', { label: 'x', firstAuthor: 'x', year: 2000, url: "javascript:window.__xss='url'" }, editor)
    expect(res.status).toBe(400)
    expect((await json<{ errors: { data: { errors: { message: string }[] } }[] }>(res)).errors[0]!.data.errors[0]!.message).toBe('Only http(s) URLs are allowed')
    expect(await databaseSnapshot(stack.cms.url, admin)).toBe(before)
  })
})

describe('the reader site and the feed, as served', () => {
  it('never sends a hostile string as markup', async () => {
    for (const path of [`/articles/${SLUG}`, '/', '/feed.xml']) {
      const res = await fetch(`${stack.web!.url}${path}`)
      expect(res.status, path).toBe(200)
      const page = await res.text()
      // Matches with some context, so a failure shows where the markup got through.
      expect(page.match(/.{0,80}(<script>window\.__xss|<img src=x|<svg[ /]onload|<b onmouseover|\]\]><\/description><script).{0,80}/gi), path).toBeNull()
      expect(page.match(/.{0,80}href="\s*(javascript:|vbscript:|java\s+script:|data:).{0,80}/gi), path).toBeNull()
      // The title's </script> must not close the JSON-LD block early.
      expect(page.match(/<\/script><script>window/g), path).toBeNull()
    }
  })

  it('publishes the feed as well-formed XML that carries the strings as text', async () => {
    const feed = await (await fetch(`${stack.web!.url}/feed.xml`)).text()
    expect(feed).toContain('&lt;/script&gt;&lt;script&gt;window.__xss=')
    expect(feed).toContain(']]&gt;&lt;/description&gt;')
  })
})

describe('in Chromium', () => {
  it('runs no injected script on the article page, the front page or the feed, and shows the text as typed', { timeout: 90_000 }, async () => {
    browser = await launchChromium()
    const page = await readerPage(browser)
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const web = stack.web!.url

    await page.goto(`${web}/articles/${SLUG}`, { waitUntil: 'networkidle' })
    // Give any onerror/onload handler a chance to fire.
    await page.waitForTimeout(500)
    const onArticle = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown }
      const prose = [...document.querySelectorAll('.prose')]
      return {
        xss: w.__xss ?? null,
        dangerousElements: prose.flatMap((p) => [...p.querySelectorAll('script, img, svg, iframe, object, embed, style, link, meta')]).length,
        handlerAttributes: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
        linkProtocols: [...new Set(prose.flatMap((p) => [...p.querySelectorAll('a')].map((a) => new URL(a.href, location.href).protocol)))],
        h1: document.querySelector('h1')?.textContent ?? null,
        headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => (JSON.parse(s.textContent ?? 'null') as { headline?: string } | null)?.headline ?? null),
      }
    })
    expect(onArticle).toMatchObject({ xss: null, dangerousElements: 0, handlerAttributes: [], h1: TITLE })
    expect(onArticle.linkProtocols.every((p) => ['http:', 'https:', 'mailto:'].includes(p))).toBe(true)
    expect(onArticle.headings).toContain(HEADING)
    expect(onArticle.jsonLd).toContain(TITLE)

    await page.goto(`${web}/`, { waitUntil: 'networkidle' })
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull()
    expect(await page.evaluate((t) => document.body.textContent?.includes(t) ?? false, TITLE)).toBe(true)

    await page.goto(`${web}/feed.xml`, { waitUntil: 'load' })
    const feed = await page.evaluate(async (url) => {
      const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml')
      return {
        xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
        parseError: xml.querySelector('parsererror')?.textContent ?? null,
        titles: [...xml.querySelectorAll('item > title')].map((t) => t.textContent),
        descriptions: [...xml.querySelectorAll('item > description')].map((d) => d.textContent),
      }
    }, `${web}/feed.xml`)
    expect(feed).toMatchObject({ xss: null, parseError: null })
    expect(feed.titles).toContain(TITLE)
    expect(feed.descriptions).toContain(SUMMARY)
    expect(dialogs).toEqual([])
  })
})
