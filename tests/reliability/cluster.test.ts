/**
 * The load-balanced stack as `npm run cluster` runs it: two CMS and two reader-site processes on
 * one SQLite file (WAL) behind nginx. Readers and the editor go through nginx only; each instance
 * is also read directly, to prove that every one of them (not just the one the purge webhook
 * reached) serves the change. The scenario is bench/cluster.ts; `npm run bench` reports its timings.
 *
 * Proves: 200 readers see no error while an editor publishes, and every instance serves each edit;
 * one CMS and one reader process SIGKILLed under load cost readers nothing, the editor's publish
 * still lands, both come back and serve the latest edit; a scheduled publish runs once although
 * two CMS processes share the database; SIGTERM (Ctrl-C) stops everything, nginx included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runClusterScenario, type ClusterRun } from '../../bench/cluster'
import { articleId } from '../../bench/publish'
import { servedBy, startClusterStack, type ClusterStack } from '../../scripts/lib/clusterStack'
import { isAlive } from '../../scripts/lib/processes'
import { auth, createFirstAdmin, createUser, type Session } from '../../scripts/lib/restApi'
import { runScript } from '../../scripts/lib/stack'
import { bySlug, KETAMINE_SLUG, lexicalBody, send, sleep } from './support'

const NO_FAILURES = [
  ['article page (web)', 0, {}],
  ['front page (web)', 0, {}],
  ['by-slug API (cms)', 0, {}],
]

let cluster: ClusterStack
let editor: Session
let run: ClusterRun
let scheduled: { id: string | number; slug: string; at: Date; outputFrom: number }

beforeAll(async () => {
  cluster = await startClusterStack()
  const admin = await createFirstAdmin(cluster.cmsUrl)
  editor = await createUser(cluster.cmsUrl, admin, 'editor')

  // A draft article with a draft section, scheduled to publish itself while the tests below run.
  const created = await send(cluster.cmsUrl, 'POST', '/api/articles?draft=true', { title: 'Scheduled in a cluster', _status: 'draft' }, editor)
  expect(created.status, await created.clone().text()).toBe(201)
  const draft = ((await created.json()) as { doc: { id: string | number; slug: string } }).doc
  const section = await send(cluster.cmsUrl, 'POST', '/api/sections?draft=true', { heading: 'Background', body: lexicalBody(['Published once by the job runner.']), article: draft.id, _status: 'draft' }, editor)
  expect(section.status).toBe(201)
  const sectionId = ((await section.json()) as { doc: { id: string | number } }).doc.id
  expect((await send(cluster.cmsUrl, 'PATCH', `/api/articles/${draft.id}?draft=true`, { sections: [sectionId], _status: 'draft' }, editor)).status).toBe(200)
  scheduled = { id: draft.id, slug: draft.slug, at: new Date(Date.now() + 5_000), outputFrom: cluster.output().length }
  const queued = await runScript('tests/fixtures/queueScheduledPublish.ts', { ...cluster.env, JOBS_AUTORUN: 'false' }, [String(draft.id), String(editor.user.id), scheduled.at.toISOString()])
  expect(queued.code, queued.stderr).toBe(0)
})

afterAll(() => cluster?.destroy())

describe('npm run cluster: two CMS and two reader processes behind nginx', () => {
  it('serves the seeded article through nginx and from every instance', async () => {
    expect([...cluster.instances.keys()].sort()).toEqual(['cms-1', 'cms-2', 'web-1', 'web-2'])
    expect((await fetch(`${cluster.webUrl}/articles/${KETAMINE_SLUG}`)).status).toBe(200)
    expect((await bySlug(cluster.cmsUrl, KETAMINE_SLUG)).slug).toBe(KETAMINE_SLUG)
    for (const instance of cluster.instances.values()) expect(await servedBy(instance, KETAMINE_SLUG), instance.name).not.toMatch(/^HTTP /)
  })

  it('gives 200 readers no error while an editor publishes; every instance serves each edit; killed instances cost nothing and rejoin', async () => {
    run = await runClusterScenario(cluster, { slug: KETAMINE_SLUG, editor, articleId: await articleId(cluster.cmsUrl, editor, KETAMINE_SLUG) })
    console.log(`[cluster] ${JSON.stringify(run)}`)
    expect(run.steady.publishes).toMatchObject({ done: 2, failed: [] })
    expect(run.steady.targets).toEqual(NO_FAILURES)
    expect(run.steady.requests).toBeGreaterThan(1_000)
    for (const seen of run.steady.visibleMs) expect(Object.keys(seen).sort()).toEqual(['cms-1', 'cms-2', 'web-1', 'web-2'])

    expect(run.failover.publishes).toMatchObject({ done: 1, failed: [] })
    expect(run.failover.targets).toEqual(NO_FAILURES)
    expect(Object.keys(run.failover.backAfterMs).sort()).toEqual(['cms-2', 'web-1'])
    expect(Object.keys(run.failover.visibleMs[0]!).sort()).toEqual(['cms-1', 'cms-2', 'web-1', 'web-2'])
  })

  it('serves readers from a restarted instance: with the other reader process gone, nginx sends every request to it', async () => {
    const other = cluster.instances.get('web-2')!
    const from = cluster.output().length
    process.kill(other.pid, 'SIGKILL')
    for (let i = 0; i < 20; i++) expect((await fetch(`${cluster.webUrl}/articles/${KETAMINE_SLUG}`)).status).toBe(200)
    const back = await cluster.waitForLine(/\[cluster\] web-2 is back \(pid (\d+)\)/, 180_000, from)
    cluster.instances.set('web-2', { ...other, pid: Number(back[1]) })
  })

  it('runs a scheduled publish once with two CMS processes: one published version, one webhook burst', async () => {
    // The job runner (cms-1's cron) looks for due jobs on every minute.
    const deadline = scheduled.at.getTime() + 120_000
    while ((await fetch(`${cluster.cmsUrl}/api/articles/${scheduled.id}?depth=0`)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`the article scheduled for ${scheduled.at.toISOString()} is still not public`)
      await sleep(500)
    }
    await sleep(3_000) // a second run of the same job, if there were one, would have landed by now
    const versions = (await (await fetch(`${cluster.cmsUrl}/api/articles/versions?where[parent][equals]=${scheduled.id}&where[version._status][equals]=published&depth=0`, { headers: auth(editor) })).json()) as { totalDocs: number }
    expect(versions.totalDocs).toBe(1)
    // Each reader instance logs every purge webhook it accepts; the CMS that ran the job sends one per
    // publish (to nginx, so one reader gets it). A second run of the job would add a second line.
    const webhooks = cluster
      .output()
      .slice(scheduled.outputFrom)
      .split('\n')
      .filter((line) => /\[web\] revalidate: \S+ \S+ ([^;]*);/.exec(line)?.[1]?.split(', ').includes(scheduled.slug))
    expect(webhooks, cluster.output().slice(scheduled.outputFrom)).toHaveLength(1)
    for (const instance of cluster.instances.values()) {
      if (instance.name.startsWith('cms')) expect((await fetch(`http://127.0.0.1:${instance.port}/api/articles/${scheduled.id}?depth=0`)).status, instance.name).toBe(200)
    }
  })

  it('stops every process, nginx included, on SIGTERM within 10 s', async () => {
    const exit = await cluster.stop()
    expect(exit.code).toBe(0)
    expect(exit.afterMs).toBeLessThan(10_000)
    for (const i of cluster.instances.values()) expect(isAlive(i.pid), i.name).toBe(false)
    expect(isAlive(cluster.nginxPid), 'nginx').toBe(false)
  })
})
