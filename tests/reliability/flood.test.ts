/**
 * One anonymous client floods the reader site with URLs it invents: the article with hundreds of
 * made-up query strings, then hundreds of made-up article slugs, each of which would make the site
 * ask the CMS. The CMS's per-address limit is set low, as it would be in production. Throughout,
 * the published article, the front page, /feed.xml and /sitemap.xml answer 200; afterwards the
 * site can still render fresh pages from the CMS (its own requests are not counted against the
 * address they come from), while an ordinary client of the CMS API is still limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { signRevalidation, REVALIDATE_SIGNATURE_HEADER } from '../../src/webhook/signature'
import { KETAMINE_SLUG } from './support'

const CMS_LIMIT = 40
const RENDERS_PER_CLIENT = 30

let stack: Stack
let web: string
const watched = () => [`/articles/${KETAMINE_SLUG}`, '/', '/feed.xml', '/sitemap.xml']

beforeAll(async () => {
  stack = await startStack({ web: true, env: { RATE_LIMIT_API_MAX: String(CMS_LIMIT), PAGE_CACHE_MISSES_PER_MINUTE: String(RENDERS_PER_CLIENT) } })
  web = stack.web!.url
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  for (const path of watched()) expect((await fetch(`${web}${path}`)).status, path).toBe(200)
})

afterAll(async () => {
  await stack?.stop()
})

/** Runs `count` requests, `width` at a time; returns how many got each status. */
async function flood(count: number, width: number, url: (n: number) => string): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {}
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const res = await fetch(url(next++), { redirect: 'manual' })
        await res.arrayBuffer()
        statuses[res.status] = (statuses[res.status] ?? 0) + 1
      }
    }),
  )
  return statuses
}

describe('a flood of invented URLs from one client', () => {
  it('leaves published pages, the feed and the sitemap answering 200 throughout', { timeout: 120_000 }, async () => {
    const seen: string[] = []
    let flooding = true
    const watcher = (async () => {
      while (flooding) {
        for (const path of watched()) {
          const res = await fetch(`${web}${path}`)
          await res.arrayBuffer()
          seen.push(`${res.status} ${path}`)
        }
      }
    })()

    const queries = await flood(700, 50, (n) => `${web}/articles/${KETAMINE_SLUG}?b=${n}`)
    const slugs = await flood(1_000, 50, (n) => `${web}/articles/nope-${n}`)
    flooding = false
    await watcher

    // Query strings no page reads are the same page: all served, none rendered again.
    expect(queries).toEqual({ 200: 700 })
    // Invented slugs: this client's renders (404s) until its budget is spent, then 429s.
    expect(Object.keys(slugs).sort()).toEqual(['404', '429'])
    expect(slugs[404]).toBeLessThanOrEqual(RENDERS_PER_CLIENT)
    expect(seen.length).toBeGreaterThan(watched().length)
    expect(seen.filter((line) => !line.startsWith('200 '))).toEqual([])
  })

  it('still renders fresh pages from the CMS afterwards, while other CMS clients stay limited', { timeout: 60_000 }, async () => {
    // A publish purges the cache: the next view must be a fresh render, which needs the CMS.
    const body = JSON.stringify({ event: 'update', collection: 'articles', slugs: [KETAMINE_SLUG], id: `flood-${Date.now()}` })
    const purge = await fetch(`${web}/api/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [REVALIDATE_SIGNATURE_HEADER]: signRevalidation(body, stack.env.REVALIDATE_SECRET!) },
      body,
    })
    expect(purge.status).toBe(200)
    for (const path of watched()) {
      const res = await fetch(`${web}${path}`, { headers: { 'x-forwarded-for': '198.51.100.7' } })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('x-cache'), path).toBe('MISS')
    }
    // The same address calling the CMS API directly is an ordinary client: limited.
    const direct = await flood(CMS_LIMIT + 5, 5, () => `${stack.cms.url}/api/articles?limit=1&depth=0`)
    expect(direct[429]).toBeGreaterThan(0)
  })
})
