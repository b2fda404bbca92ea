/**
 * One write, one signal: every cache hears of a change once, after the write has committed. The
 * reader site's webhook is replaced here by a counting server, so each test sees exactly how many
 * purge signals one publish, one seed or one draft save sends.
 */
import http from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { freePort } from '../../scripts/lib/ports'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'

type Received = { event: string; collection: string; slugs: string[] }
const received: Received[] = []
let counter: http.Server
let stack: Stack
let editor: Session
let articleId: string | number
const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'

const patchArticle = (query: string, body: unknown) =>
  fetch(`${stack.cms.url}/api/articles/${articleId}${query}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...auth(editor) }, body: JSON.stringify(body) })
const bySlug = async () => json<{ summary: string }>(await fetch(`${stack.cms.url}/api/articles/by-slug/${SLUG}`))

beforeAll(async () => {
  const port = await freePort()
  counter = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c))
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/api/revalidate') received.push(JSON.parse(body) as Received)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"revalidated":true,"purged":0}')
    })
  })
  await new Promise<void>((resolve) => counter.listen(port, '127.0.0.1', resolve))
  stack = await startStack({ env: { WEB_URL: `http://127.0.0.1:${port}` } })
  const admin = await createFirstAdmin(stack.cms.url)
  editor = await createUser(stack.cms.url, admin, 'editor')
})
afterAll(async () => {
  await stack?.stop()
  counter?.close()
})
beforeEach(() => {
  received.length = 0
})

describe('the post-commit purge signal', () => {
  it('sends one signal for a seed that publishes an article with all its sections and citations', async () => {
    const seed = await runSeed(stack.env, ['--publish'])
    expect(seed.code, seed.stderr).toBe(0)
    expect(received).toHaveLength(1)
    expect(received[0]!.slugs).toContain(SLUG)
    const list = await json<{ docs: { id: string | number }[] }>(await fetch(`${stack.cms.url}/api/articles?where[slug][equals]=${SLUG}&depth=0`, { headers: auth(editor) }))
    articleId = list.docs[0]!.id
  })

  it('sends nothing for draft saves of a draft, and no more than one for the first draft after a publish', async () => {
    // The first draft over a published version is reported (its hooks cannot tell it from an
    // unpublish): one spare purge costs a re-render, a missed unpublish would leave a page up.
    expect((await patchArticle('?draft=true&autosave=true', { summary: 'Autosaved, not for readers.' })).status).toBe(200)
    expect(received).toHaveLength(1)
    expect((await patchArticle('?draft=true&autosave=true', { summary: 'Autosaved again.' })).status).toBe(200)
    expect((await patchArticle('?draft=true', { summary: 'A draft, not for readers.' })).status).toBe(200)
    expect(received).toHaveLength(1)
    expect((await bySlug()).summary).not.toMatch(/draft|Autosaved/)
  })

  it('sends exactly one signal when an editor publishes, and the API cache serves the new text at once', async () => {
    expect((await bySlug()).summary).not.toBe('Published once.')
    const res = await patchArticle('', { summary: 'Published once.', _status: 'published' })
    expect(res.status).toBe(200)
    // The signal is sent after commit and before the response: nothing is still on its way.
    expect(received).toHaveLength(1)
    // A publish of the pending draft saved above: reported as a publish, like a first one.
    expect(received[0]).toMatchObject({ event: 'publish', slugs: [SLUG] })
    expect((await bySlug()).summary).toBe('Published once.')

    const again = await patchArticle('', { summary: 'Published twice.', _status: 'published' })
    expect(again.status).toBe(200)
    expect(received).toHaveLength(2)
  })

  it('sends nothing for a write that fails and changes nothing', async () => {
    const res = await patchArticle('', { slug: 'Not A Valid Slug!', _status: 'published' })
    expect(res.status).toBe(400)
    expect(received).toEqual([])
    expect((await bySlug()).summary).toBe('Published twice.')
  })
})
