/**
 * The CMS dies under load: SIGKILL, no chance to clean up. Proves that the reader site
 * keeps answering every request for pages it has cached, with zero errors, while the CMS is gone;
 * that a page it never cached gets a clean 503 rather than a hang; and that a CMS restarted with the
 * same environment and database takes a publish again, which reaches the site with no manual step.
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseEnv, runSeed, startCms, startWeb, type EnvVars, type Running } from '../../scripts/lib/stack'
import { createFirstAdmin, createUser, type Session } from '../../scripts/lib/restApi'
import { runLoad, type LoadResult } from '../../bench/load'
import { articleRefs, exitOf, KETAMINE_SLUG, publishIntro, sleep } from './support'
import { untilCached } from '../helpers/wait'

let env: EnvVars
let dataDir: string
let cms: Running
let web: Running
let editor: Session
let refs: { id: string | number; introId: string | number }

beforeAll(async () => {
  const base = await baseEnv()
  env = base.env
  dataDir = base.dataDir
  cms = await startCms(env)
  web = await startWeb(env)
  const seeded = await runSeed(env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  const admin = await createFirstAdmin(cms.url)
  editor = await createUser(cms.url, admin, 'editor')
  refs = await articleRefs(cms.url, KETAMINE_SLUG)
})

afterAll(async () => {
  await Promise.all([cms?.stop(), web?.stop()])
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

const noPublishes = { publishes: 0, publish: async () => undefined }

describe('SIGKILL of the CMS while readers load the site', () => {
  let during: LoadResult
  let after: LoadResult

  it('serves every request for cached pages, before and after the kill', { timeout: 60_000 }, async () => {
    // Fill the page cache the way the first readers would (a first render may 503 on a busy machine:
    // the precondition is that both pages are cached, however many reads that takes).
    for (const path of [`/articles/${KETAMINE_SLUG}`, '/']) await untilCached(`${web.url}${path}`)

    const load = runLoad({ cmsUrl: cms.url, webUrl: web.url, slug: KETAMINE_SLUG, concurrency: 30, durationMs: 6_000, targets: ['article', 'front'], ...noPublishes })
    await sleep(2_000)
    cms.child.kill('SIGKILL')
    const killed = await exitOf(cms.child)
    expect(killed.signal).toBe('SIGKILL')
    await expect(fetch(`${cms.url}/readyz`)).rejects.toThrow()
    during = await load

    // A second run that starts with the CMS already dead.
    after = await runLoad({ cmsUrl: cms.url, webUrl: web.url, slug: KETAMINE_SLUG, concurrency: 30, durationMs: 3_000, targets: ['article', 'front'], ...noPublishes })
    console.log(`CMS killed mid-run: ${during.requests} requests during, ${after.requests} after, ${during.failures + after.failures} failed`)
    for (const run of [during, after]) {
      expect(run.targets.map((t) => [t.name, t.failures, t.errors, Object.keys(t.statuses)])).toEqual([
        ['article page (web)', 0, {}, ['200']],
        ['front page (web)', 0, {}, ['200']],
      ])
    }
    expect(after.requests).toBeGreaterThan(100)
  })

  it('answers a page it never cached with a 503, quickly, while the CMS is down', async () => {
    const started = Date.now()
    const res = await fetch(`${web.url}/articles/never-cached-${Date.now()}`)
    expect(res.status).toBe(503)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('publishes again after a restart with the same environment and database, and the site shows it', { timeout: 120_000 }, async () => {
    cms = await startCms(env)
    const text = `Written after the CMS came back (${Date.now()}).`
    // The editor's session from before the crash still works: sessions live in the database.
    await publishIntro(cms.url, editor, refs, text)
    // The purge after the commit is a webhook that may land just after the publish's response.
    await expect.poll(async () => (await fetch(`${web.url}/articles/${KETAMINE_SLUG}`)).text()).toContain(text)
  })
})
