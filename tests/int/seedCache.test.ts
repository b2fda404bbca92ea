/**
 * The seed CLI writes from its own process while the CMS serves the same database. The CMS keeps
 * assembled by-slug answers in memory, which its own hooks purge but a writer in another process
 * cannot reach. The seed fuzzer found the result: a document re-seeded over an article the API had
 * just served was still answered with the previous document's sections after the seed exited.
 *
 * The stack runs with a 10-minute API cache TTL, so only a purge can refresh a cached answer: what
 * these tests see does not depend on how long a seed run takes on a busy machine.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, TEST_SECRETS, type Stack } from '../../scripts/lib/stack'
import { json } from '../../scripts/lib/restApi'
import { signRevalidation } from '../../src/webhook/signature'
import type { AssembledArticle } from '../../src/cms/schemas'
import { CONTENT_REVISION_PATH } from '../../apps/cms/http/contentRevisionRoute'

let stack: Stack
let dir: string

beforeAll(async () => {
  stack = await startStack({ env: { API_CACHE_TTL_MS: '600000' } })
  dir = fs.mkdtempSync(path.join(stack.dataDir, 'docs-'))
})
afterAll(() => stack?.stop())

async function seed(name: string, text: string): Promise<void> {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  const run = await runSeed(stack.env, [file, '--publish'])
  expect(run.code, run.stderr).toBe(0)
}

async function read(slug: string): Promise<{ cache: string | null; article: AssembledArticle }> {
  const res = await fetch(`${stack.cms.url}/api/articles/by-slug/${slug}`)
  expect(res.status).toBe(200)
  return { cache: res.headers.get('x-cache'), article: await json<AssembledArticle>(res) }
}

/**
 * Reads until the answer comes from memory. The seed's own commit also reaches the CMS through its
 * revision watcher, which polls: on a busy machine that purge can land just after the first read
 * stored the answer, so "read twice" is not yet "cached".
 */
async function readCached(slug: string): Promise<{ cache: string | null; article: AssembledArticle }> {
  const deadline = Date.now() + 30_000
  for (;;) {
    const answer = await read(slug)
    if (answer.cache === 'HIT') return answer
    if (Date.now() > deadline) throw new Error(`${slug} was never answered from the API cache within 30 s`)
    // A short pause between polls keeps well under the API's rate limit.
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The content revision the CMS has seen; it moves, and the watcher purges, when another process commits. */
const revision = async (): Promise<number> => (await json<{ revision: number }>(await fetch(`${stack.cms.url}${CONTENT_REVISION_PATH}`))).revision

const outline = (a: AssembledArticle) => a.sections.map((s) => [s.heading, s.anchor, s.text])

describe('an article re-seeded while the API serves it from memory', () => {
  // The two documents' shapes from the failing fuzz run: the same title (so the same slug), the
  // first with an introduction and one section, the second with four sections of its own.
  const FIRST = ['Tripsitter Psychedelics', 'Dosing notes', 'The first introduction.', 'Müller dose', 'The first dose section.'].join('\n\n') + '\n'
  const SECOND = ['Tripsitter Psychedelics', 'Dosing notes', 'The second introduction.', 'Set and setting', 'About the setting.', 'Dose of ketamine', 'About the dose.', 'Aftercare', 'About the days after.'].join('\n\n') + '\n'
  const SLUG = 'dosing-notes'

  it('answers with the new document as soon as the seed has exited', { timeout: 120_000 }, async () => {
    await seed('first.txt', FIRST)
    const cached = await readCached(SLUG)
    expect(outline(cached.article)).toEqual([
      [null, 'introduction', 'The first introduction.'],
      ['Müller dose', 'muller-dose', 'The first dose section.'],
    ])

    await seed('second.txt', SECOND)
    const after = await read(SLUG)
    expect(outline(after.article)).toEqual([
      [null, 'introduction', 'The second introduction.'],
      ['Set and setting', 'set-and-setting', 'About the setting.'],
      ['Dose of ketamine', 'dose-of-ketamine', 'About the dose.'],
      ['Aftercare', 'aftercare', 'About the days after.'],
    ])
  })
})

describe('two articles whose sections share anchors and headings', () => {
  const doc = (title: string, word: string) => [title, `${word} introduction.`, 'Dose', `${word} dose.`].join('\n\n') + '\n'

  it('keep their own sections', { timeout: 120_000 }, async () => {
    await seed('alpha.txt', doc('Alpha notes', 'Alpha'))
    await seed('beta.txt', doc('Beta notes', 'Beta'))
    const alpha = (await read('alpha-notes')).article
    const beta = (await read('beta-notes')).article
    expect(outline(alpha)).toEqual([
      [null, 'introduction', 'Alpha introduction.'],
      ['Dose', 'dose', 'Alpha dose.'],
    ])
    expect(outline(beta)).toEqual([
      [null, 'introduction', 'Beta introduction.'],
      ['Dose', 'dose', 'Beta dose.'],
    ])
    const alphaIds = new Set(alpha.sections.map((s) => s.id))
    expect(beta.sections.filter((s) => alphaIds.has(s.id))).toEqual([])
  })
})

describe('POST /api/revalidate on the CMS', () => {
  const body = JSON.stringify({ event: 'update', collection: 'articles', slugs: ['alpha-notes'] })
  const post = (signature?: string) =>
    fetch(`${stack.cms.url}/api/revalidate`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(signature ? { 'x-tripsitter-signature': signature } : {}) } })

  it('refuses unsigned or wrongly signed requests and keeps serving from memory', async () => {
    // The seeds above also purge through the revision watcher, which may land during this test: a
    // round counts only if the CMS's revision stood still through it, so any purge was the requests'.
    for (let round = 1; ; round++) {
      const before = await revision()
      await readCached('alpha-notes')
      const unsigned = await post()
      expect(unsigned.status).toBe(401)
      expect(await unsigned.json()).toEqual({ errors: [{ message: 'invalid signature' }] })
      const wrong = await post(signRevalidation(body, 'not-the-secret-0123456789abcdef0123456789'))
      expect(wrong.status).toBe(401)
      const after = await read('alpha-notes')
      if ((await revision()) !== before && round < 10) continue
      expect(after.cache).toBe('HIT')
      return
    }
  })

  it('purges the by-slug cache for a correctly signed request', async () => {
    await readCached('alpha-notes')
    const signed = await post(signRevalidation(body, TEST_SECRETS.REVALIDATE_SECRET))
    expect(signed.status).toBe(200)
    expect(await signed.json()).toEqual({ revalidated: true })
    expect((await read('alpha-notes')).cache).toBeNull()
  })
})
