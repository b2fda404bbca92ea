/**
 * `npm run bench`: build if stale, start the real servers on a fresh database, measure them against
 * a bare node:http baseline on the same machine, and write BENCHMARKS.md. See bench/options.ts for
 * the flags and bench/report.ts for what the file contains.
 *
 * Order matters on 2 cores: one load generator at a time, each baseline interleaved with the
 * scenarios it is compared with, and the CPU-heavy parts that need no running stack (seed sizes,
 * start-up) after the stack is stopped.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from '../src/env'
import { buildIfStale } from '../scripts/build'
import { createFirstAdmin } from '../scripts/lib/restApi'
import { adminScreens, type AdminTimings } from './admin'
import { clusterBench, type ClusterRun } from './cluster'
import { runGrowth, type GrowthFailure, type GrowthLevel } from './growth'
import { readerPages, runLighthouse, type LighthouseRun } from './lighthouse'
import { roundsFor } from './interleave'
import { CONNECTIONS } from './load'
import { loadAverage, machineInfo } from './machine'
import { parseOptions, type BenchOptions } from './options'
import { publishToVisible, type PublishTiming } from './publish'
import { renderReport } from './report'
import { readScenarios } from './reads'
import { GROWTH_IDS, scenarioKeys } from './scenarios'
import { seedSizes, SIZES, type SizedSeed } from './seedSizes'
import { startBenchStack } from './stack'
import { startToReady, type StartupTiming } from './startup'
import { allChecks, everyInstanceMs, type HttpPair } from './targets'
import { percentile } from './stats'

/** Later visits of each admin screen. */
const ADMIN_VISITS = 5

/** Lighthouse runs per page and form factor; the median one is reported. */
const LIGHTHOUSE_RUNS = 3

const t0 = Date.now()
const log = (line: string) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}`)

/**
 * Node 20 refuses `--cpu-prof` in NODE_OPTIONS ("not allowed"), so the server loads
 * bench/cpuProfile.ts instead, which runs the same V8 profiler and writes a .cpuprofile on exit.
 */
function profileEnv(opts: BenchOptions, server: 'cms' | 'web') {
  if (!opts.profile.has(server)) return {}
  return {
    NODE_OPTIONS: `--import tsx --import ${path.join(repoRoot, 'bench/cpuProfile.ts')}`,
    CPU_PROFILE_DIR: path.join(repoRoot, 'bench-out', 'profiles', server),
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2))
  const startedAt = new Date()
  const loadBefore = loadAverage()
  log(`load average ${loadBefore} on ${os.cpus().length} cores; writing ${path.relative(repoRoot, opts.out)}`)
  let buildSec = 0
  const build = () => {
    const started = Date.now()
    buildIfStale('cms')
    buildIfStale('web')
    buildSec += (Date.now() - started) / 1000
  }
  build()

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tripsitter-bench-'))
  let http: HttpPair[] = []
  let publish: PublishTiming = { visibleMs: [], saveMs: [] }
  let growth: GrowthLevel[] = []
  let growthFailure: GrowthFailure | undefined
  let sizes: SizedSeed[] = []
  let startup: StartupTiming | undefined
  let cluster: ClusterRun | undefined
  let lighthouse: LighthouseRun[] | undefined
  let adminTimings: AdminTimings | undefined

  log('starting the CMS, seeding, starting the reader site...')
  const stack = await startBenchStack({ cmsEnv: profileEnv(opts, 'cms'), webEnv: profileEnv(opts, 'web') })
  const stopStack = () => stack.stop()
  process.once('SIGINT', () => void stopStack().then(() => process.exit(130)))
  try {
    const { cold, noop } = stack.seed
    log(`seed: cold ${cold.doneMs} ms (wall ${cold.wallMs} ms), no-op ${noop?.doneMs} ms (wall ${noop?.wallMs} ms)`)
    const urls = { cms: stack.cms.url, web: stack.web.url }
    const keys = await scenarioKeys(urls.cms, stack.slug)
    // The stack's first user; the parts that need accounts make editors with it.
    const admin = await createFirstAdmin(urls.cms)
    if (!opts.skip.has('http')) http = await readScenarios({ stack, keys, duration: opts.duration, workDir, log })
    if (!opts.skip.has('lighthouse')) {
      lighthouse = await runLighthouse(await readerPages(urls, stack.slug), ['mobile', 'desktop'], LIGHTHOUSE_RUNS)
      for (const r of lighthouse) log(`lighthouse ${r.page} ${r.formFactor}: ${JSON.stringify(r.scores)}, TBT ${r.totalBlockingTimeMs} ms, script ${r.scriptTransferBytes} B`)
    }
    if (!opts.skip.has('publish')) {
      publish = await publishToVisible(urls, stack.slug, admin, opts.publishes)
      log(`publish to visible: p50 ${percentile(publish.visibleMs, 50).toFixed(0)} ms, p95 ${percentile(publish.visibleMs, 95).toFixed(0)} ms`)
    }
    // After the publishes: typing in the admin for live preview saves drafts and holds the article's lock.
    if (!opts.skip.has('admin')) adminTimings = await adminScreens(urls.cms, urls.web, stack.slug, admin, ADMIN_VISITS, log)
    if (!opts.skip.has('growth')) {
      // The summary changed while publishing: take the current ETag for the growth runs.
      const currentKeys = await scenarioKeys(urls.cms, stack.slug)
      const pids = { cms: stack.cms.child.pid!, web: stack.web.child.pid! }
      const serverOutput = () => `CMS:\n${stack.cms.output().slice(-2_000)}\nreader site:\n${stack.web.output().slice(-1_000)}`
      ;({ levels: growth, failure: growthFailure } = await runGrowth({ env: stack.env, urls, pids, keys: currentKeys, levels: opts.growthLevels, duration: opts.growthDuration, ids: GROWTH_IDS, workDir, log, serverOutput }))
    }
  } finally {
    await stopStack()
  }

  if (!opts.skip.has('cluster')) {
    cluster = await clusterBench({ durationMs: opts.clusterDuration * 1000, publishes: opts.clusterPublishes, log })
    log(`cluster: ${cluster.steady.failures + cluster.failover.failures} failed reader requests; every instance had each edit after ${everyInstanceMs(cluster).map((n) => n.toFixed(0)).join(', ')} ms`)
  }
  if (!opts.skip.has('sizes')) sizes = await seedSizes(SIZES.slice(0, opts.sizeCount), log)
  if (!opts.skip.has('startup')) {
    // "After a build": make sure nothing is stale right now, so start.ts only checks.
    build()
    startup = await startToReady(log)
    log(`npm start: first start ready in ${startup.first.readyMs} ms, restart in ${startup.restart.readyMs} ms`)
  }
  fs.rmSync(workDir, { recursive: true, force: true })

  const checks = allChecks({ http, publishVisibleMs: publish.visibleMs, seed: stack.seed, growth, growthFailure, sizes, cluster, lighthouse, startup, admin: adminTimings })
  const report = renderReport({
    machine: machineInfo(),
    startedAt,
    elapsedSec: (Date.now() - t0) / 1000,
    buildSec,
    loadBefore,
    loadAfter: loadAverage(),
    quick: opts.quick,
    duration: opts.duration,
    growthDuration: opts.growthDuration,
    connections: CONNECTIONS,
    rounds: { reads: roundsFor(opts.duration), growth: roundsFor(opts.growthDuration) },
    http,
    publish,
    seed: stack.seed,
    growth,
    sizes,
    startup,
    cluster,
    lighthouse,
    admin: adminTimings,
    checks,
  })
  fs.mkdirSync(path.dirname(opts.out), { recursive: true })
  fs.writeFileSync(opts.out, report)
  // Every number, for a closer look than the report gives (bench-out/ is not committed).
  const raw = path.join(repoRoot, 'bench-out', `results-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  fs.mkdirSync(path.dirname(raw), { recursive: true })
  fs.writeFileSync(raw, JSON.stringify({ opts: { ...opts, skip: [...opts.skip], profile: [...opts.profile] }, http, publish, seed: stack.seed, growth, growthFailure, sizes, startup, cluster, lighthouse, admin: adminTimings, checks }, null, 2))
  if (opts.profile.size) log(`CPU profiles in bench-out/profiles/ (open in Chrome DevTools, or: npx tsx bench/profileSummary.ts <file>)`)
  for (const c of checks) log(`${c.pass ? 'PASS' : 'MISS'}  ${c.name}: ${c.actual} (wanted ${c.target})`)
  log(`wrote ${path.relative(repoRoot, opts.out)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
  const missed = checks.filter((c) => !c.pass).length
  if (missed) {
    log(`${missed} of ${checks.length} targets missed`)
    process.exitCode = 1
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
