/**
 * The content revision: one number in the database that every cache checks. Here the CMS's purge
 * webhook goes nowhere (a wrong WEB_URL), so the reader site can only learn of a publish by polling
 * the revision; and a seed run from another process must reach the CMS's own API cache the same way.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseEnv, runSeed, startCms, startWeb, type Running } from '../../scripts/lib/stack'
import { freePort } from '../../scripts/lib/ports'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { repoRoot } from '../../src/env'

const SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'
let cms: Running
let web: Running
let dataDir: string
let seedEnv: Record<string, string | undefined>
let editor: Session

/** Poll until `check` passes; the budget is generous because the machine may be busy, and the time is reported. */
async function eventually(what: string, check: () => Promise<boolean>, budgetMs = 20_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < budgetMs) {
    if (await check()) return Date.now() - started
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${what}: not within ${budgetMs} ms`)
}
const revision = async () => (await json<{ revision: number }>(await fetch(`${cms.url}/api/content-revision`))).revision

beforeAll(async () => {
  const base = await baseEnv({ REVISION_POLL_MS: '500' })
  dataDir = base.dataDir
  const nowhere = `http://127.0.0.1:${await freePort()}`
  // The CMS (and the seed) send their webhook to a port nobody listens on.
  seedEnv = { ...base.env, WEB_URL: nowhere }
  cms = await startCms(seedEnv)
  const seeded = await runSeed(seedEnv, ['--publish'])
  if (seeded.code !== 0) throw new Error(seeded.stderr)
  web = await startWeb(base.env)
  const admin = await createFirstAdmin(cms.url)
  editor = await createUser(cms.url, admin, 'editor')
})
afterAll(async () => {
  await Promise.all([cms?.stop(), web?.stop()])
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('the content revision', () => {
  it('is answered from memory, conditionally, and moves with each publish', async () => {
    const first = await fetch(`${cms.url}/api/content-revision`)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    const { revision: before } = await json<{ revision: number }>(first)
    expect(before).toBeGreaterThan(0) // the seed's publish advanced it
    expect((await fetch(`${cms.url}/api/content-revision`, { headers: { 'if-none-match': etag } })).status).toBe(304)
  })

  it('brings a publish onto the reader site although its webhook was lost', async () => {
    const page = `${web.url}/articles/${SLUG}`
    expect((await fetch(page)).status).toBe(200)
    expect((await fetch(page)).headers.get('x-cache')).toBe('HIT')
    const before = await revision()
    const list = await json<{ docs: { id: string | number }[] }>(await fetch(`${cms.url}/api/articles?where[slug][equals]=${SLUG}&depth=0`, { headers: auth(editor) }))
    const res = await fetch(`${cms.url}/api/articles/${list.docs[0]!.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth(editor) },
      body: JSON.stringify({ title: 'Ketamine, revised by the revision', _status: 'published' }),
    })
    expect(res.status).toBe(200)
    expect(await revision()).toBe(before + 1)
    const ms = await eventually('the new title on the reader page', async () => (await (await fetch(page)).text()).includes('Ketamine, revised by the revision'))
    console.log(`publish visible on the reader site ${ms} ms after the response, with the webhook lost`)
    expect(web.output()).toMatch(/content revision \d+ -> \d+; purged \d+ page/)
  })

  it('purges the CMS API cache when another process commits', async () => {
    const listUrl = `${cms.url}/api/articles?depth=0&select[slug]=true`
    await fetch(listUrl)
    expect((await fetch(listUrl)).headers.get('x-cache')).toBe('HIT')
    const seeded = await runSeed(seedEnv, [path.join(repoRoot, 'seed/documents/psilocybin-sample.txt'), '--publish'])
    expect(seeded.code, seeded.stderr).toBe(0)
    const ms = await eventually('the seeded article in the cached list', async () => {
      const { docs } = await json<{ docs: { slug: string }[] }>(await fetch(listUrl))
      return docs.some((d) => d.slug.startsWith('psilocybin'))
    })
    console.log(`another process's publish reached the CMS API cache after ${ms} ms`)
  })
})
