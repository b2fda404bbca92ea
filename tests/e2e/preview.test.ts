/**
 * Draft preview and live preview on the reader site, over HTTP against real servers: what it takes
 * to see a draft (the preview secret and a CMS session), and the live render of unsaved text that
 * the preview frame asks for while an editor types. Nothing here may reach a reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, TEST_SECRETS, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, json, type Session } from '../../scripts/lib/restApi'
import { untilStatus } from '../helpers/wait'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
const DRAFT_SUMMARY = 'A summary saved as a draft, for editors only.'

let stack: Stack
let admin: Session
let articleId: string | number

beforeAll(async () => {
  stack = await startStack({ web: true })
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  admin = await createFirstAdmin(stack.cms.url)
  const found = await json<{ docs: { id: string | number }[] }>(await fetch(`${stack.cms.url}/api/articles?where[slug][equals]=${SLUG}&depth=0`))
  articleId = found.docs[0]!.id
  const saved = await fetch(`${stack.cms.url}/api/articles/${articleId}?draft=true`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...auth(admin) },
    body: JSON.stringify({ summary: DRAFT_SUMMARY, _status: 'draft' }),
  })
  expect(saved.status).toBe(200)
  await untilStatus(`${stack.web!.url}/articles/${SLUG}`)
})
afterAll(async () => {
  await stack?.stop()
})

const sessionCookie = (s: Session) => `payload-token=${s.token}`
const page = (cookie?: string, extra: Record<string, string> = {}) =>
  fetch(`${stack.web!.url}/articles/${SLUG}`, { headers: { ...(cookie ? { cookie } : {}), ...extra } })

describe('draft preview (GET /api/preview)', () => {
  const previewUrl = (secret: string) => `${stack.web!.url}/api/preview?${new URLSearchParams({ slug: SLUG, secret })}`

  it('needs the preview secret and a CMS session, and names which is missing', async () => {
    const wrongSecret = await fetch(previewUrl('not-the-secret'), { headers: { cookie: sessionCookie(admin) }, redirect: 'manual' })
    expect(wrongSecret.status).toBe(401)
    expect(await wrongSecret.text()).toContain('Invalid preview link')
    const noSession = await fetch(previewUrl(TEST_SECRETS.PREVIEW_SECRET), { redirect: 'manual' })
    expect(noSession.status).toBe(401)
    expect(await noSession.text()).toContain('Log in to the CMS')
    const staleSession = await fetch(previewUrl(TEST_SECRETS.PREVIEW_SECRET), { headers: { cookie: 'payload-token=not.a.session' }, redirect: 'manual' })
    expect(staleSession.status).toBe(401)
    expect(staleSession.headers.get('set-cookie')).toBeNull()
  })

  it('turns on draft mode for an editor, who then sees the draft; readers still see the published text', async () => {
    const res = await fetch(previewUrl(TEST_SECRETS.PREVIEW_SECRET), { headers: { cookie: sessionCookie(admin) }, redirect: 'manual' })
    expect(res.status).toBe(307)
    expect(res.headers.get('location')).toBe(`/articles/${SLUG}`)
    const draftCookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    expect(draftCookie).toContain('__prerender_bypass=')

    const preview = await page(`${draftCookie}; ${sessionCookie(admin)}`)
    expect(preview.status).toBe(200)
    expect(preview.headers.get('cache-control')).toMatch(/no-store|private/)
    const html = await preview.text()
    expect(html).toContain(DRAFT_SUMMARY)
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"')

    const reader = await page()
    expect(reader.status).toBe(200)
    expect(await reader.text()).not.toContain(DRAFT_SUMMARY)
  })
})

describe('live preview (POST /api/preview/live)', () => {
  type Row = { section: string | null; heading: string | null; body: unknown }
  const live = (body: unknown, cookie?: string) =>
    fetch(`${stack.web!.url}/api/preview/live`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) })

  async function savedRows(): Promise<Row[]> {
    const article = await json<{ text: Row[] }>(await fetch(`${stack.cms.url}/api/articles/${articleId}?draft=true&depth=0`, { headers: auth(admin) }))
    return article.text.map((r) => ({ section: r.section, heading: r.heading, body: r.body }))
  }

  it('renders the reader page with the unsaved title, headings and order, and stores nothing', async () => {
    const rows = await savedRows()
    const moved = rows[1]!
    const text = [rows[0]!, ...rows.slice(2), { ...moved, heading: 'A heading being typed' }]
    const res = await live({ slug: SLUG, live: { title: 'A title being typed', text } }, sessionCookie(admin))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain('A title being typed')
    const headings = [...html.matchAll(/<section[^>]*>\s*<h2[^>]*>(.*?)<\/h2>/g)].map((m) => m[1])
    expect(headings.slice(0, 4)).toEqual([...rows.slice(2).map((r) => r.heading), 'A heading being typed'])
    // The draft's other fields show as in draft preview, and the page is marked as a preview.
    expect(html).toContain(DRAFT_SUMMARY)
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"')

    expect((await savedRows()).map((r) => r.heading)).toEqual(rows.map((r) => r.heading))
    const reader = await (await page()).text()
    expect(reader).not.toContain('A title being typed')
    expect(reader).not.toContain('A heading being typed')
  })

  it('refuses callers without a CMS session, and bad requests', async () => {
    const anonymous = await live({ slug: SLUG, live: { title: 'Anonymous' } })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.text()).not.toContain('Anonymous')
    const forged = await live({ slug: SLUG, live: { title: 'Forged session' } }, 'payload-token=not.a.session')
    expect(forged.status).toBe(401)
    expect(await forged.text()).not.toContain('Forged session')
    expect((await live({ slug: SLUG, live: { text: [{ heading: 3 }] } }, sessionCookie(admin))).status).toBe(400)
    expect((await live({ slug: '../admin', live: {} }, sessionCookie(admin))).status).toBe(400)
    expect((await live({ slug: 'no-such-article', live: {} }, sessionCookie(admin))).status).toBe(404)
  })

  it('cannot be reached from an ordinary page request', async () => {
    // The render is keyed by a random value held in the server's memory; a made-up key is nothing.
    const res = await page(undefined, { 'x-live-preview': '00000000-0000-4000-8000-000000000000' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain(DRAFT_SUMMARY)
    expect(html).not.toContain('noindex')
  })
})
