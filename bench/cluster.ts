/**
 * The load-balanced stack (`npm run cluster`: two CMS and two reader processes behind nginx) under
 * readers. Used by the cluster test (which asserts) and `npm run bench` (which reports).
 *
 *   steady    200 readers through nginx while an editor publishes through nginx; for each publish,
 *             the time until every instance, read directly, serves the edit.
 *   failover  the same load; one CMS and one reader process are SIGKILLed at 2 s and an edit is
 *             published while they are down; the time until the live instances serve it, and
 *             until the killed ones are back (supervisor restart), serving it from their first
 *             answer.
 */
import { everyInstanceServes, servedBy, startClusterStack, type ClusterStack } from '../scripts/lib/clusterStack'
import { createFirstAdmin, createUser, type Session } from '../scripts/lib/restApi'
import { runLoad, type LoadResult } from './load'
import { articleId, publishSummary } from './publish'
import { BUNDLED_SLUG } from './stack'

export interface ClusterPhase {
  requests: number
  requestsPerSecond: number
  failures: number
  /** Per target: name, failed requests, socket errors by code. */
  targets: [string, number, Record<string, number>][]
  /** Per target: responses by HTTP status. */
  statuses: Record<string, Record<string, number>>
  publishes: LoadResult['publishes']
  /** Per publish: instance -> ms from the publish request to the first answer with the edit. */
  visibleMs: Record<string, number>[]
}

export interface ClusterRun {
  readers: number
  steady: ClusterPhase
  failover: ClusterPhase & { killed: string[]; killedAtMs: number; backAfterMs: Record<string, number> }
}

export interface ClusterScenarioOptions {
  slug: string
  editor: Session
  articleId: string | number
  readers?: number
  durationMs?: number
  publishes?: number
  log?: (line: string) => void
}

const KILL_AT_MS = 2_000
const KILLED = ['cms-2', 'web-1']
/** A killed instance's restart: the supervisor's cold start of a production server, on a busy machine. */
const RESTART_MS = 180_000

const phase = (load: LoadResult, visibleMs: Record<string, number>[]): ClusterPhase => ({
  requests: load.requests,
  requestsPerSecond: load.requestsPerSecond,
  failures: load.failures,
  targets: load.targets.map((t) => [t.name, t.failures, t.errors]),
  statuses: Object.fromEntries(load.targets.map((t) => [t.name, t.statuses])),
  publishes: load.publishes,
  visibleMs,
})

export async function runClusterScenario(cluster: ClusterStack, o: ClusterScenarioOptions): Promise<ClusterRun> {
  const readers = o.readers ?? 200
  const durationMs = o.durationMs ?? 12_000
  const publishes = o.publishes ?? 2
  const log = o.log ?? (() => undefined)
  const runId = Date.now().toString(36)
  const base = { cmsUrl: cluster.cmsUrl, webUrl: cluster.webUrl, slug: o.slug, concurrency: readers, durationMs }

  // Warm every instance's caches first, as the other read benchmarks do: a cold render is not what this measures.
  for (const instance of cluster.instances.values()) await servedBy(instance, o.slug)
  for (const path of [`/articles/${o.slug}`, '/']) for (let i = 0; i < 4; i++) await (await fetch(`${cluster.webUrl}${path}`)).arrayBuffer()

  // Steady: every publish is followed, during the load, until every instance serves it.
  log(`cluster: ${readers} readers through nginx for ${durationMs} ms, ${publishes} publishes`)
  const seen: Promise<Record<string, number>>[] = []
  const steadyLoad = await runLoad({
    ...base,
    publishes,
    publish: async (i) => {
      const edit = `Cluster edit ${i + 1} (run ${runId}): seen by every instance.`
      const started = performance.now()
      await publishSummary(cluster.cmsUrl, o.editor, o.articleId, edit)
      seen.push(everyInstanceServes(cluster, o.slug, edit, started))
    },
  })
  const steady = phase(steadyLoad, await Promise.all(seen))

  // Failover: two processes die under load; the publish is due after that, at half time.
  log(`cluster: the same load, ${KILLED.join(' and ')} SIGKILLed at ${KILL_AT_MS} ms`)
  const from = cluster.output().length
  const killed = KILLED.map((name) => cluster.instances.get(name)!)
  const edit = `Cluster edit with ${KILLED.join(' and ')} down (run ${runId}).`
  let seenAfterKill: Promise<Record<string, number>> | undefined
  let killedAt = 0
  let back: Promise<readonly [string, number]>[] = []
  const loadStarted = performance.now()
  const failoverLoad = await runLoad({
    ...base,
    publishes: 1,
    publish: async () => {
      const started = performance.now()
      await publishSummary(cluster.cmsUrl, o.editor, o.articleId, edit)
      // The killed instances are polled too, until they are back and serve the edit.
      seenAfterKill = everyInstanceServes(cluster, o.slug, edit, started, RESTART_MS)
    },
    onTick: () => {
      if (killedAt || performance.now() - loadStarted < KILL_AT_MS) return
      killedAt = performance.now()
      for (const i of killed) process.kill(i.pid, 'SIGKILL')
      // Watched from the kill on: the supervisor's "is back" line is when the instance serves again.
      back = killed.map((i) =>
        cluster.waitForLine(new RegExp(`\\[cluster\\] ${i.name} is back \\(pid (\\d+)\\)`), RESTART_MS, from).then((line) => {
          cluster.instances.set(i.name, { ...i, pid: Number(line[1]) })
          return [i.name, performance.now() - killedAt] as const
        }),
      )
    },
  })
  const backAfterMs = Object.fromEntries(await Promise.all(back))
  const visible = seenAfterKill ? [await seenAfterKill] : []
  return { readers, steady, failover: { ...phase(failoverLoad, visible), killed: KILLED, killedAtMs: killedAt - loadStarted, backAfterMs } }
}

/** The whole cluster part of `npm run bench`: a fresh `npm run cluster`, an editor, the scenario. */
export async function clusterBench(o: { durationMs: number; publishes: number; log: (line: string) => void }): Promise<ClusterRun> {
  o.log('cluster: starting npm run cluster (2 CMS + 2 reader processes behind nginx)...')
  const cluster = await startClusterStack()
  try {
    const admin = await createFirstAdmin(cluster.cmsUrl)
    const editor = await createUser(cluster.cmsUrl, admin, 'editor')
    const slug = BUNDLED_SLUG
    return await runClusterScenario(cluster, { slug, editor, articleId: await articleId(cluster.cmsUrl, editor, slug), durationMs: o.durationMs, publishes: o.publishes, log: o.log })
  } finally {
    await cluster.stop()
    cluster.destroy()
  }
}
