/**
 * People, medical review and topics end to end: a published article with two authors, a reviewer
 * and two topics, read through the real CMS, the real reader site and Chromium; a draft in the same
 * topic must appear nowhere.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { launchChromium, PAGE_TIMEOUT_MS, readerPage } from '../helpers/chromium'
import type { AssembledArticle, PersonProfile } from '../../src/cms/schemas'
import { png, uploadImage } from '../fixtures/images'

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

const BYLINED = `Psilocybin and Anxiety in Serious Illness
By: Ann Lee, MD; Ben Ode

Psilocybin is being studied for anxiety in people facing serious illness. Early trials report lasting effects.

What the Trials Measured

Participants rated their anxiety before and after each session. The quokka lantern effect was noted by every rater.
`
const SLUG = 'psilocybin-and-anxiety-in-serious-illness'
const KETAMINE = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
const DRAFT_TITLE = 'Unreleased draft about depression'

let stack: Stack
let admin: Session
let editor: Session
let author: Session
let browser: Browser
let page: Page
let cms: string
let web: string
let reviewerId: number | string
let topicIds: (number | string)[]

const send = (method: string, url: string, body: unknown, session?: Session) =>
  fetch(`${cms}${url}`, { method, headers: { 'content-type': 'application/json', ...(session ? auth(session) : {}) }, body: JSON.stringify(body) })

async function create(collection: string, data: Record<string, unknown>): Promise<{ id: number | string }> {
  const res = await send('POST', `/api/${collection}`, data, editor)
  expect(res.status, await res.clone().text()).toBe(201)
  return (await json<{ doc: { id: number | string } }>(res)).doc
}

async function articleId(slug: string): Promise<number | string> {
  const list = await json<{ docs: { id: number | string }[] }>(await fetch(`${cms}/api/articles?where[slug][equals]=${slug}&draft=true&depth=0`, { headers: auth(admin) }))
  return list.docs[0]!.id
}

async function axeViolations(url: string): Promise<{ id: string; impact: string }[]> {
  const res = await page.goto(url)
  expect(res?.status()).toBe(200)
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe
    return (await axe.run(document)).violations.map((v) => ({ id: v.id, impact: v.impact }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

beforeAll(async () => {
  stack = await startStack({ web: true })
  cms = stack.cms.url
  web = stack.web!.url
  admin = await createFirstAdmin(cms)
  editor = await createUser(cms, admin, 'editor')
  author = await createUser(cms, admin, 'author')

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tripsitter-byline-'))
  const file = path.join(dir, 'psilocybin.txt')
  fs.writeFileSync(file, BYLINED)
  const seeded = await runSeed(stack.env, [file, '--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  const bundled = await runSeed(stack.env, ['--publish'])
  expect(bundled.code, bundled.stderr).toBe(0)

  const portrait = await uploadImage(cms, await png(900, 900), 'cara-vance.png', 'image/png', { alt: 'Portrait of Cara Vance' }, editor)
  expect(portrait.status, await portrait.clone().text()).toBe(201)
  const photo = (await json<{ doc: { id: number | string } }>(portrait)).doc.id
  reviewerId = (await create('people', { name: 'Cara Vance', credentials: 'MD', bio: 'Psychiatrist; reviews clinical content.', photo })).id
  topicIds = [(await create('topics', { name: 'Psychedelics', description: 'Psilocybin, ketamine and related compounds.' })).id, (await create('topics', { name: 'Anxiety' })).id]

  // The bylined article: both topics, a reviewer and a review date. Ketamine: one shared topic.
  const review = await send('PATCH', `/api/articles/${await articleId(SLUG)}`, { topics: topicIds, medicalReviewer: reviewerId, lastReviewedAt: '2026-03-12T00:00:00.000Z', _status: 'published' }, editor)
  expect(review.status, await review.clone().text()).toBe(200)
  const ketamine = await send('PATCH', `/api/articles/${await articleId(KETAMINE)}`, { topics: [topicIds[0]], _status: 'published' }, editor)
  expect(ketamine.status).toBe(200)

  // A draft by the same authors in the same topics: it must stay invisible.
  const people = await json<{ docs: { id: number | string }[] }>(await fetch(`${cms}/api/people?where[slug][equals]=ann-lee`))
  const draft = await send('POST', '/api/articles?draft=true', { title: DRAFT_TITLE, summary: 'Not for readers.', topics: topicIds, authors: [people.docs[0]!.id], _status: 'draft' }, editor)
  expect(draft.status).toBe(201)

  browser = await launchChromium()
  page = await readerPage(browser)
})
afterAll(async () => {
  await browser?.close()
  await stack?.stop()
})

describe('people and the byline', () => {
  it('assembles authors in byline order, the reviewer and topics with public fields only', async () => {
    const article = await json<AssembledArticle>(await fetch(`${cms}/api/articles/by-slug/${SLUG}`))
    expect(article.authors.map(({ name, slug, credentials }) => ({ name, slug, credentials }))).toEqual([
      { name: 'Ann Lee', slug: 'ann-lee', credentials: 'MD' },
      { name: 'Ben Ode', slug: 'ben-ode', credentials: null },
    ])
    expect(article.medicalReviewer).toMatchObject({ name: 'Cara Vance', slug: 'cara-vance', credentials: 'MD' })
    expect(Object.keys(article.medicalReviewer!).sort()).toEqual(['bio', 'credentials', 'id', 'name', 'slug'])
    expect(article.topics.map((t) => t.slug)).toEqual(['psychedelics', 'anxiety'])
    expect(article.related.map((a) => a.slug)).toEqual([KETAMINE])
    expect(article.lastReviewedAt).toBe('2026-03-12T00:00:00.000Z')
  })

  it('never exposes the login account behind a person', async () => {
    await send('PATCH', `/api/people/${reviewerId}`, { user: editor.user.id }, editor)
    const anonymous = await json<{ docs: Record<string, unknown>[] }>(await fetch(`${cms}/api/people?depth=2`))
    expect(anonymous.docs.length).toBe(3)
    for (const p of anonymous.docs) expect(p).not.toHaveProperty('user')
    expect(JSON.stringify(anonymous)).not.toContain('@example.com')
  })

  it('prints the byline with links, the reviewer with credentials and the review date', async () => {
    await page.goto(`${web}/articles/${SLUG}`)
    const byline = (await page.locator('.byline').textContent())!.replace(/\s+/g, ' ')
    expect(byline).toBe('By Ann Lee, MD and Ben Ode · Medically reviewed by Cara Vance, MD · Last reviewed March 12, 2026')
    expect(await page.locator('.byline a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/authors/ann-lee', '/authors/ben-ode', '/authors/cara-vance'])
    expect(await page.locator('nav[aria-label="Topics"] a').allTextContents()).toEqual(['Psychedelics', 'Anxiety'])
    expect(await page.locator('.related a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`/articles/${KETAMINE}`])
  }, 2 * PAGE_TIMEOUT_MS)

  it('says "Not yet medically reviewed" on an article without a reviewer', async () => {
    const html = await (await fetch(`${web}/articles/${KETAMINE}`)).text()
    expect(html).toContain('Not yet medically reviewed')
  })

  it('shows the summary once: not above an introduction that starts with it', async () => {
    const html = await (await fetch(`${web}/articles/${SLUG}`)).text()
    expect(html).not.toContain('class="summary"')
    // Within the article itself (JSON-LD and meta tags carry the summary as its description).
    const article = /<article class="article">(.*)<\/article>/s.exec(html)![1]!
    expect(article.split('Psilocybin is being studied for anxiety').length - 1).toBe(1)
  })

  it('carries JSON-LD Person authors, reviewedBy, lastReviewed, citation_author tags and BibTeX authors', async () => {
    const html = await (await fetch(`${web}/articles/${SLUG}`)).text()
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!)
    expect(ld.author).toEqual([
      { '@type': 'Person', name: 'Ann Lee', url: `${web}/authors/ann-lee`, honorificSuffix: 'MD' },
      { '@type': 'Person', name: 'Ben Ode', url: `${web}/authors/ben-ode` },
    ])
    expect(ld.reviewedBy).toEqual({ '@type': 'Person', name: 'Cara Vance', url: `${web}/authors/cara-vance`, honorificSuffix: 'MD' })
    expect(ld.lastReviewed).toBe('2026-03-12')
    expect([...html.matchAll(/<meta name="citation_author" content="([^"]+)"/g)].map((m) => m[1])).toEqual(['Ann Lee', 'Ben Ode'])
    const bib = await (await fetch(`${web}/articles/${SLUG}/cite.bib`)).text()
    expect(bib).toMatch(/author\s*=\s*\{(Ann Lee and Ben Ode|Lee, Ann and Ode, Ben)\}/)
  })
})

describe('author and topic pages', () => {
  it('lists a person\'s published articles on their page, never the draft', async () => {
    const res = await fetch(`${web}/authors/ann-lee`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Ann Lee, MD</h1>')
    expect(html).toContain(`href="/articles/${SLUG}"`)
    expect(html).not.toContain(DRAFT_TITLE)
    expect((await fetch(`${web}/authors/nobody-here`)).status).toBe(404)
    const reviewer = await (await fetch(`${web}/authors/cara-vance`)).text()
    expect(reviewer).toContain('Psychiatrist; reviews clinical content.')
  })

  it("shows a person's photo with its size and alt text, in og:image and the profile JSON-LD; no photo, no image", async () => {
    const profile = await json<PersonProfile>(await fetch(`${cms}/api/people/by-slug/cara-vance`))
    expect(Object.keys(profile).sort()).toEqual(['bio', 'credentials', 'id', 'name', 'photo', 'slug'])
    expect(profile.photo).toMatchObject({ alt: 'Portrait of Cara Vance', image: { url: expect.stringMatching(new RegExp(`^${stack.env.CMS_URL}/api/media/file/`)), width: 900, height: 900 } })
    const file = await fetch(profile.photo!.image.url.replace(stack.env.CMS_URL!, cms))
    expect([file.status, file.headers.get('content-type')]).toEqual([200, profile.photo!.image.mimeType])

    const html = await (await fetch(`${web}/authors/cara-vance`)).text()
    const img = /<img[^>]*class="person-photo"[^>]*>/.exec(html)?.[0]
    expect(img).toBeDefined()
    expect(img).toContain('alt="Portrait of Cara Vance"')
    expect(img).toContain(`src="${profile.photo!.image.url}"`)
    expect(img).toMatch(/width="900" height="900"/)
    expect(html).toContain(`<meta property="og:image" content="${profile.photo!.image.url}"/>`)
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!)
    expect(ld).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: 'Cara Vance', image: profile.photo!.image.url } })

    expect((await json<PersonProfile>(await fetch(`${cms}/api/people/by-slug/ann-lee`))).photo).toBeNull()
    expect(await (await fetch(`${web}/authors/ann-lee`)).text()).not.toContain('person-photo')
    expect((await fetch(`${cms}/api/people/by-slug/nobody-here`)).status).toBe(404)
  })

  it('lists a topic\'s published articles, newest first, never the draft', async () => {
    const html = await (await fetch(`${web}/topics/psychedelics`)).text()
    const slugs = [...html.matchAll(/<h2 id="title-([a-z0-9-]+)"/g)].map((m) => m[1])
    expect(slugs.sort()).toEqual([KETAMINE, SLUG].sort())
    expect(html).not.toContain(DRAFT_TITLE)
    expect((await fetch(`${web}/topics/no-such-topic`)).status).toBe(404)
  })

  it('filters the front page by topic', async () => {
    const html = await (await fetch(`${web}/?topic=anxiety`)).text()
    expect(html).toContain('Articles about Anxiety</h1>')
    expect(html).toContain(`href="/articles/${SLUG}"`)
    expect(html).not.toContain(`href="/articles/${KETAMINE}"`)
    expect(html).not.toContain(DRAFT_TITLE)
    expect((await fetch(`${web}/?topic=unknown`)).status).toBe(404)
  })

  it('keeps the draft out of every list, feed and the sitemap', async () => {
    for (const url of ['/', '/feed.xml', '/topics/anxiety/feed.xml', '/sitemap.xml', '/authors/ben-ode', `/articles/${SLUG}`]) {
      const text = await (await fetch(`${web}${url}`)).text()
      expect(text, url).not.toContain(DRAFT_TITLE)
      expect(text, url).not.toContain('unreleased-draft')
    }
    const api = await (await fetch(`${cms}/api/articles?where[topics][in]=${topicIds[1]}&depth=0`)).text()
    expect(api).not.toContain(DRAFT_TITLE)
    // A sitemap this small is one file: it has no parts.
    expect((await fetch(`${web}/sitemap/1.xml`)).status).toBe(404)
  })

  it('passes axe-core on the author and topic pages', async () => {
    expect(await axeViolations(`${web}/authors/ann-lee`)).toEqual([])
    expect(await axeViolations(`${web}/authors/cara-vance`)).toEqual([])
    expect(await axeViolations(`${web}/topics/psychedelics`)).toEqual([])
    expect(await axeViolations(`${web}/?topic=anxiety`)).toEqual([])
  })
})

describe('editorial rules for people and topics', () => {
  it('refuses a person or topic slug collision with a 400 naming slug, storing nothing', async () => {
    for (const [collection, data] of [['people', { name: 'Another Ann', slug: 'ann-lee' }], ['topics', { name: 'Anxiety again', slug: 'anxiety' }]] as const) {
      const before = (await json<{ totalDocs: number }>(await fetch(`${cms}/api/${collection}?limit=1`))).totalDocs
      const res = await send('POST', `/api/${collection}`, data, editor)
      expect(res.status).toBe(400)
      const body = await json<{ errors: { message: string; data?: { errors?: { path: string }[] } }[] }>(res)
      expect(JSON.stringify(body.errors)).toContain('slug')
      expect((await json<{ totalDocs: number }>(await fetch(`${cms}/api/${collection}?limit=1`))).totalDocs).toBe(before)
    }
  })

  it('lets only editors manage people and topics, and set the reviewer', async () => {
    expect((await send('POST', '/api/people', { name: 'Self Promoted' }, author)).status).toBe(403)
    expect((await send('POST', '/api/topics', { name: 'Own topic' }, author)).status).toBe(403)
    const draft = await send('POST', '/api/articles?draft=true', { title: 'Author topic pick', topics: [topicIds[1]], medicalReviewer: reviewerId, lastReviewedAt: '2001-01-01T00:00:00.000Z', _status: 'draft' }, author)
    expect(draft.status).toBe(201)
    const { doc } = await json<{ doc: { topics: unknown[]; medicalReviewer: unknown; lastReviewedAt: unknown } }>(draft)
    expect(doc.topics.map((t) => (typeof t === 'object' && t !== null ? (t as { id: unknown }).id : t))).toEqual([topicIds[1]])
    expect(doc.medicalReviewer ?? null).toBeNull()
    expect(doc.lastReviewedAt ?? null).toBeNull()
  })
})

describe('search', () => {
  type Results = { docs: { slug: string; snippet: string; highlights: [number, number][] }[]; totalDocs: number }
  const searchApi = async (q: string) => {
    const res = await fetch(`${cms}/api/search?q=${encodeURIComponent(q)}`)
    expect(res.status, await res.clone().text()).toBe(200)
    return json<Results>(res)
  }

  it('finds a phrase that occurs only inside a section body, with that sentence as the snippet', async () => {
    const results = await searchApi('quokka lantern effect')
    expect(results.docs.map((d) => d.slug)).toEqual([SLUG])
    const hit = results.docs[0]!
    expect(hit.snippet).toBe('The quokka lantern effect was noted by every rater.')
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['quokka', 'lantern', 'effect'])
  })

  it('matches prefixes, other accents, people and topics; never a draft', async () => {
    expect((await searchApi('ketam')).docs.map((d) => d.slug)).toContain(KETAMINE)
    expect((await searchApi('psilocybín')).docs.map((d) => d.slug)).toContain(SLUG)
    expect((await searchApi('Cara Vance')).docs.map((d) => d.slug)).toEqual([SLUG])
    // A topic name ranks its articles first (the title says it too).
    expect((await searchApi('anxiety')).docs[0]?.slug).toBe(SLUG)
    expect((await searchApi('Unreleased')).totalDocs).toBe(0)
  })

  it('drops an unpublished article from results within 2 seconds', async () => {
    const id = await articleId(SLUG)
    expect((await send('PATCH', `/api/articles/${id}`, { _status: 'draft' }, editor)).status).toBe(200)
    const started = Date.now()
    while ((await searchApi('quokka')).totalDocs !== 0) {
      expect(Date.now() - started).toBeLessThan(2_000)
      await new Promise((r) => setTimeout(r, 50))
    }
    expect((await send('PATCH', `/api/articles/${id}`, { _status: 'published' }, editor)).status).toBe(200)
    await expect.poll(async () => (await searchApi('quokka')).totalDocs, { timeout: 2_000 }).toBe(1)
  })

  it('refuses a 10,000-character query with a 400 naming q', async () => {
    const res = await fetch(`${cms}/api/search?q=${'a'.repeat(10_000)}`)
    expect(res.status).toBe(400)
    const body = await json<{ errors: { message: string }[] }>(res)
    expect(body.errors[0]!.message).toMatch(/^q: /)
    expect((await fetch(`${cms}/api/search`)).status).toBe(400)
  })

  it('shows results on the reader site with <mark>ed words, a query with markup as text', async () => {
    const html = await (await fetch(`${web}/search?q=${encodeURIComponent('quokka <script>alert(1)</script>')}`)).text()
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const found = await (await fetch(`${web}/search?q=quokka`)).text()
    expect(found).toContain('<mark>quokka</mark>')
    expect(found).toContain(`href="/articles/${SLUG}"`)
  })

  it('returns a body containing markup as text in its snippet', async () => {
    const id = await articleId(SLUG)
    const section = await send('POST', '/api/sections', { article: id, heading: 'Markup', _status: 'published', body: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text: 'Zebrafish <script>alert(2)</script> markup sentence.', detail: 0, format: 0, mode: 'normal', style: '' }] }] } } }, editor)
    expect(section.status, await section.clone().text()).toBe(201)
    const sectionId = (await json<{ doc: { id: number } }>(section)).doc.id
    const article = await json<{ sections: (number | string)[] }>(await fetch(`${cms}/api/articles/${id}?depth=0`, { headers: auth(editor) }))
    expect((await send('PATCH', `/api/articles/${id}`, { sections: [...article.sections, sectionId], _status: 'published' }, editor)).status).toBe(200)
    await expect.poll(async () => (await searchApi('zebrafish')).docs[0]?.snippet, { timeout: 2_000 }).toBe('Zebrafish <script>alert(2)</script> markup sentence.')
    const html = await (await fetch(`${web}/search?q=zebrafish`)).text()
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert(2)')
  })

  it('follows an edited section and a renamed reviewer: the new words are found, the old ones no longer', async () => {
    const id = await articleId(SLUG)
    const paragraph = (text: string) => ({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text, detail: 0, format: 0, mode: 'normal', style: '' }] }] } })
    const section = await send('POST', '/api/sections', { article: id, heading: 'Field notes', _status: 'published', body: paragraph('A narwhal appeared in the notes.') }, editor)
    expect(section.status, await section.clone().text()).toBe(201)
    const sectionId = (await json<{ doc: { id: number } }>(section)).doc.id
    const article = await json<{ sections: (number | string)[] }>(await fetch(`${cms}/api/articles/${id}?depth=0`, { headers: auth(editor) }))
    expect((await send('PATCH', `/api/articles/${id}`, { sections: [...article.sections, sectionId], _status: 'published' }, editor)).status).toBe(200)
    await expect.poll(async () => (await searchApi('narwhal')).docs.map((d) => d.slug), { timeout: 2_000 }).toEqual([SLUG])

    expect((await send('PATCH', `/api/sections/${sectionId}`, { body: paragraph('An okapi appeared in the notes.'), _status: 'published' }, editor)).status).toBe(200)
    await expect.poll(async () => (await searchApi('okapi')).docs.map((d) => d.snippet), { timeout: 2_000 }).toEqual(['An okapi appeared in the notes.'])
    expect((await searchApi('narwhal')).totalDocs).toBe(0)

    expect((await send('PATCH', `/api/people/${reviewerId}`, { name: 'Cara Vantongeren' }, editor)).status).toBe(200)
    await expect.poll(async () => (await searchApi('Vantongeren')).docs.map((d) => d.slug), { timeout: 2_000 }).toEqual([SLUG])
    expect((await searchApi('Cara Vance')).totalDocs).toBe(0)
    expect((await send('PATCH', `/api/people/${reviewerId}`, { name: 'Cara Vance' }, editor)).status).toBe(200)
    await expect.poll(async () => (await searchApi('Cara Vance')).docs.map((d) => d.slug), { timeout: 2_000 }).toEqual([SLUG])
  })

  it('passes axe-core on the search page, and the front page has a search box', async () => {
    expect(await axeViolations(`${web}/search?q=quokka`)).toEqual([])
    const front = await (await fetch(`${web}/`)).text()
    expect(front).toMatch(/<form[^>]*role="search"[^>]*action="\/search"/)
  })
})
