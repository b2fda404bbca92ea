/**
 * Images over real HTTP: an editor uploads a PNG (multipart, as the admin does), the CMS makes the
 * 1200 x 630 social card and the page-size rendition with sharp, and an article's hero image
 * reaches the reader page (an <img> with alt text), its og:image and JSON-LD. Files that are not
 * images, files over the size limit and images without alt text are refused with a 4xx and nothing
 * is stored.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { articleRefs, KETAMINE_SLUG, send } from '../reliability/support'
import { png, uploadImage } from '../fixtures/images'

const MAX_UPLOAD_BYTES = 1024 * 1024
let stack: Stack
let editor: Session
let author: Session

beforeAll(async () => {
  stack = await startStack({ web: true, env: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } })
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor')
  author = await createUser(stack.cms.url, admin, 'author')
})
afterAll(() => stack?.stop())

const upload = (file: Buffer, name: string, type: string, data: Record<string, unknown>, who?: Session) => uploadImage(stack.cms.url, file, name, type, data, who)
const mediaCount = async () => (await json<{ totalDocs: number }>(await fetch(`${stack.cms.url}/api/media?limit=0`))).totalDocs

describe('image uploads', () => {
  it('refuse what is not an image, what is too large and an image without alt text; nothing is stored', async () => {
    const text = await upload(Buffer.from('not an image at all'), 'fake.png', 'image/png', { alt: 'x' }, editor)
    expect(text.status).toBe(400)
    const big = await upload(Buffer.alloc(MAX_UPLOAD_BYTES + 200 * 1024, 1), 'big.png', 'image/png', { alt: 'x' }, editor)
    expect(big.status).toBe(413)
    const noAlt = await upload(await png(400, 300), 'no-alt.png', 'image/png', {}, editor)
    expect(noAlt.status).toBe(400)
    expect(JSON.stringify(await noAlt.json())).toContain('"path":"alt"')
    expect((await upload(await png(400, 300), 'anon.png', 'image/png', { alt: 'x' })).status).toBe(403)
    expect(await mediaCount()).toBe(0)
  })

  it('give an article without a hero image a drawn 1200 x 630 card as og:image, and the site its icons', async () => {
    const html = await (await fetch(`${stack.web!.url}/articles/${KETAMINE_SLUG}`)).text()
    const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]
    expect(ogImage).toBe(`${stack.env.WEB_URL}/articles/${KETAMINE_SLUG}/card.png`)
    const card = await fetch(ogImage!)
    expect([card.status, card.headers.get('content-type')]).toEqual([200, 'image/png'])
    const meta = await sharp(Buffer.from(await card.arrayBuffer())).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630])
    expect((await fetch(`${stack.web!.url}/articles/no-such-article/card.png`)).status).toBe(404)
    for (const rel of ['icon', 'apple-touch-icon']) {
      const href = new RegExp(`<link rel="${rel}" href="([^"]+)"`).exec(html)?.[1]
      expect(href, rel).toBeTruthy()
      const icon = await fetch(new URL(href!, stack.web!.url))
      expect([icon.status, icon.headers.get('content-type')?.split(';')[0]], rel).toEqual([200, rel === 'icon' ? 'image/svg+xml' : 'image/png'])
    }
  })

  it('put a published hero image on the reader page, its og:image (1200 x 630) and JSON-LD', async () => {
    const res = await upload(await png(2400, 1600), 'ketamine-clinic.png', 'image/png', { alt: 'An infusion chair in a ketamine clinic', credit: 'Tripsitter' }, author)
    expect(res.status, await res.clone().text()).toBe(201)
    const media = (await json<{ doc: { id: number } }>(res)).doc
    const article = await articleRefs(stack.cms.url, KETAMINE_SLUG)
    expect((await send(stack.cms.url, 'PATCH', `/api/articles/${article.id}`, { heroImage: media.id, _status: 'published' }, editor)).status).toBe(200)

    const assembled = await json<{ heroImage: { alt: string; image: { url: string; width: number }; sources: { url: string; width: number }[]; card: { url: string; width: number; height: number } } }>(
      await fetch(`${stack.cms.url}/api/articles/by-slug/${KETAMINE_SLUG}`, { headers: { 'cache-control': 'no-cache' } }),
    )
    expect(assembled.heroImage).toMatchObject({ alt: 'An infusion chair in a ketamine clinic', image: { width: 1600 }, card: { width: 1200, height: 630 } })

    // The reader page: once the publish has reached it.
    let html = ''
    await expect
      .poll(async () => (html = await (await fetch(`${stack.web!.url}/articles/${KETAMINE_SLUG}`)).text()), { timeout: 20_000 })
      .toContain(assembled.heroImage.card.url)
    const [medium, large] = assembled.heroImage.sources
    expect([medium!.width, large!.width]).toEqual([800, 1600])
    expect(html).toContain(`<img src="${assembled.heroImage.image.url}" srcSet="${medium!.url} 800w, ${large!.url} 1600w" sizes="(max-width: 40rem) 100vw, 40rem" alt="An infusion chair in a ketamine clinic" width="1600"`)
    const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]
    expect(ogImage).toBe(assembled.heroImage.card.url)
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"')
    const jsonLd = JSON.parse(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!) as { image?: string[] }
    expect(jsonLd.image).toEqual([assembled.heroImage.card.url, assembled.heroImage.image.url])

    const card = await fetch(ogImage!)
    expect(card.status).toBe(200)
    expect(card.headers.get('content-type')).toBe('image/jpeg')
    const meta = await sharp(Buffer.from(await card.arrayBuffer())).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630])
  })
})
