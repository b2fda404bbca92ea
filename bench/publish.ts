/**
 * Publish-to-visible: an editor changes the article's summary over REST and publishes; the clock
 * runs until the reader page (through its cache) shows the new text. That covers the save, the
 * CMS hooks, the signed webhook, the page-cache purge and the re-render.
 */
import { createUser, json, type Session } from '../scripts/lib/restApi'
import { articlePath } from './scenarios'

const POLL_MS = 10
const GIVE_UP_MS = 15_000

export interface PublishTiming {
  /** Save request sent -> first page response containing the new text. */
  visibleMs: number[]
  /** Duration of the PATCH itself (it returns after the webhook was delivered). */
  saveMs: number[]
}

export async function articleId(cmsUrl: string, editor: Session, slug: string): Promise<string | number> {
  const res = await fetch(`${cmsUrl}/api/articles?where%5Bslug%5D%5Bequals%5D=${slug}&depth=0&limit=1`, { headers: { authorization: `JWT ${editor.token}` } })
  const body = await json<{ docs: { id: string | number }[] }>(res)
  const id = body.docs[0]?.id
  if (id === undefined) throw new Error(`no article ${slug}`)
  return id
}

/** Set the article's summary and publish it, as an editor does over REST. */
export async function publishSummary(cmsUrl: string, editor: Session, id: string | number, summary: string): Promise<void> {
  const res = await fetch(`${cmsUrl}/api/articles/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${editor.token}` },
    body: JSON.stringify({ summary, _status: 'published' }),
  })
  if (!res.ok) throw new Error(`publish: ${res.status} ${await res.text()}`)
  await res.arrayBuffer()
}

export async function publishToVisible(urls: { cms: string; web: string }, slug: string, admin: Session, count: number): Promise<PublishTiming> {
  const editor = await createUser(urls.cms, admin, 'editor')
  const id = await articleId(urls.cms, editor, slug)
  const page = `${urls.web}${articlePath(slug)}`
  const timing: PublishTiming = { visibleMs: [], saveMs: [] }
  for (let i = 0; i < count; i++) {
    const marker = `bench-revision-${i}-${Math.random().toString(36).slice(2, 10)}`
    const summary = `Ketamine is showing rapid effects in treatment-resistant depression, PTSD and suicidal ideation (${marker}).`
    const started = performance.now()
    await publishSummary(urls.cms, editor, id, summary)
    timing.saveMs.push(performance.now() - started)
    for (;;) {
      const html = await (await fetch(page)).text()
      if (html.includes(marker)) break
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`publish ${i}: "${marker}" not visible on ${page} after ${GIVE_UP_MS} ms`)
      await new Promise((r) => setTimeout(r, POLL_MS))
    }
    timing.visibleMs.push(performance.now() - started)
  }
  return timing
}
