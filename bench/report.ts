/**
 * BENCHMARKS.md from one run's results. Pure: everything it prints was measured in that run.
 */
import type { ClusterRun } from './cluster'
import { KEY_DELAY_MS, type AdminTimings } from './admin'
import type { LighthouseRun } from './lighthouse'
import type { Measurement } from './load'
import type { MachineInfo } from './machine'
import { UNCACHED_SAMPLES, UNCACHED_WARMUP, type GrowthLevel } from './growth'
import type { PublishTiming } from './publish'
import type { SizedSeed } from './seedSizes'
import type { SeedTiming } from './stack'
import type { StartupTiming } from './startup'
import { percentile } from './stats'
import { growthRatio, ratioOf, type Check, type HttpPair } from './targets'

export interface Report {
  machine: MachineInfo
  startedAt: Date
  elapsedSec: number
  /** Spent in `next build` because sources changed (0 when both builds were current). */
  buildSec: number
  loadBefore: string
  loadAfter: string
  quick: boolean
  duration: number
  growthDuration: number
  connections: number
  /** Turns each side of an interleaved comparison took. */
  rounds: { reads: number; growth: number }
  http: HttpPair[]
  publish: PublishTiming
  seed: { cold: SeedTiming; noop?: SeedTiming }
  growth: GrowthLevel[]
  sizes: SizedSeed[]
  startup: StartupTiming | undefined
  cluster?: ClusterRun
  lighthouse?: LighthouseRun[]
  admin?: AdminTimings
  checks: Check[]
}

const n0 = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => `${n0(n)} ms`
const x = (n: number) => `${n.toFixed(n < 0.1 ? 4 : 2)}x`
const mb = (n: number | undefined) => (n === undefined ? '–' : `${n0(n)} MB`)
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
const statuses = (m: Measurement) =>
  Object.entries(m.statuses)
    .map(([code, count]) => `${code}: ${n0(count)}`)
    .join(', ')

function table(head: string[], rows: (string | number)[][]): string {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n')
}

function machineSection(r: Report): string {
  return table(
    ['', ''],
    [
      ['CPU', `${r.machine.cores} × ${r.machine.cpuModel}`],
      ['Memory', `${r.machine.memoryGb} GB`],
      ['Node', r.machine.node],
      ['OS', r.machine.os],
      ['Commit', r.machine.commit],
      ['Heap bounds', r.machine.heapBounds],
      ['Date', r.startedAt.toISOString()],
      ['Load average (1/5/15 min) before / after (after includes the bench itself)', `${r.loadBefore} / ${r.loadAfter}`],
      ['Run', `${r.quick ? '--quick, ' : ''}${r.duration} s per read scenario and ${r.growthDuration} s per growth scenario (each side, in ${r.rounds.reads} and ${r.rounds.growth} interleaved turns), ${r.connections} connections; whole run ${n0(r.elapsedSec)} s${r.buildSec >= 1 ? `, of which ${n0(r.buildSec)} s building stale apps` : ''}`],
    ],
  )
}

/** Other work on the machine slows both sides of each ratio, but not always equally. */
function busyNote(r: Report): string {
  // Only the figure from before the run says anything about other work: the bench itself keeps both cores busy.
  const before = Number(r.loadBefore.split(' ')[0])
  if (!(before > r.machine.cores / 2)) return ''
  return `\nThe 1-minute load average was ${before.toFixed(2)} on ${r.machine.cores} cores when the run started: other work was running, so absolute figures are low and ratios noisier than on an idle machine.\n`
}

function checksSection(checks: Check[]): string {
  const passed = checks.filter((c) => c.pass).length
  return [
    `${passed} of ${checks.length} targets met.`,
    '',
    table(
      ['Target', 'Wanted', 'Measured', ''],
      checks.map((c) => [c.name, c.target, c.actual, c.pass ? 'PASS' : '**MISS**']),
    ),
  ].join('\n')
}

function httpSection(pairs: HttpPair[]): string {
  if (pairs.length === 0) return '(not run)'
  return table(
    ['Scenario', 'Server', 'req/s', 'Ratio to baseline', 'p50', 'p99', 'Errors', 'Responses', 'Bytes each', 'Peak RSS cms / web', 'Baseline req/s', 'Baseline p50 / p99', 'Baseline bytes each', 'Baseline RSS'],
    pairs.map((p) => [
      p.title,
      p.server,
      n0(p.result.requestsPerSec),
      x(ratioOf(p)),
      ms(p.result.p50Ms),
      ms(p.result.p99Ms),
      n0(p.result.errors),
      statuses(p.result),
      n0(p.result.bytesPerResponse),
      `${mb(p.result.rssMb.cms)} / ${mb(p.result.rssMb.web)}`,
      n0(p.baseline.requestsPerSec),
      `${ms(p.baseline.p50Ms)} / ${ms(p.baseline.p99Ms)}`,
      n0(p.baseline.bytesPerResponse),
      mb(p.baseline.rssMb.baseline),
    ]),
  )
}

function publishSection(p: PublishTiming): string {
  const v = p.visibleMs
  if (v.length === 0) return '(not run)'
  return table(
    ['Publishes', 'Visible p50', 'Visible p95', 'Visible max', 'Save (PATCH) p50', 'Save p95'],
    [[v.length, ms(percentile(v, 50)), ms(percentile(v, 95)), ms(Math.max(...v)), ms(percentile(p.saveMs, 50)), ms(percentile(p.saveMs, 95))]],
  )
}

function seedSection(seed: Report['seed'], sizes: SizedSeed[]): string {
  const bundled = table(
    ['Bundled document (5.5 KB)', 'Writes ("done in")', 'Whole CLI run (wall)'],
    [
      ['Cold: empty database', ms(seed.cold.doneMs), ms(seed.cold.wallMs)],
      ['Re-run, nothing changed', seed.noop ? ms(seed.noop.doneMs) : '–', seed.noop ? ms(seed.noop.wallMs) : '–'],
    ],
  )
  if (sizes.length === 0) return bundled
  const bySize = table(
    ['Synthetic document', 'Bytes', 'Sections', 'Citations', 'Writes ("done in")', 'Wall', 'Writes per KB'],
    sizes.map((s) => [s.label, n0(s.bytes), s.sections, s.citations, ms(s.doneMs), ms(s.wallMs), `${(s.doneMs / (s.bytes / 1024)).toFixed(1)} ms`]),
  )
  return `${bundled}\n\nEach size is loaded into its own fresh database:\n\n${bySize}`
}

function growthSection(levels: GrowthLevel[]): string {
  const first = levels[0]
  if (!first) return '(not run)'
  const ids = Object.keys(first.results)
  const head = ['Scenario', ...levels.map((l) => `${n0(l.articles)} article${l.articles === 1 ? '' : 's'}`)]
  const rps = ids.map((id) => [
    id,
    ...levels.map((l) => {
      const m = l.results[id]
      const base = l.baselines[id]
      const growth = growthRatio(first, l, id, true)
      if (!m || !base || growth === undefined) return '–'
      return `${n0(m.requestsPerSec)} req/s = ${x(m.requestsPerSec / base.requestsPerSec)} of baseline (${n0(base.requestsPerSec)}); **${x(growth)}**; p99 ${ms(m.p99Ms)}; ${n0(m.errors)} err; RSS ${mb(m.rssMb.cms)} / ${mb(m.rssMb.web)}`
    }),
  ])
  const uncached = ids.map((id) => [id, ...levels.map((l) => (l.uncachedMs[id] === undefined ? '–' : ms(l.uncachedMs[id]!)))])
  const made = levels.flatMap((l, i) => {
    const added = l.articles - (levels[i - 1]?.articles ?? l.articles)
    return l.generateMs > 0 ? [`to ${n0(l.articles)}: ${(l.generateMs / 1000).toFixed(1)} s (${(added / (l.generateMs / 1000)).toFixed(1)} articles/s)`] : []
  })
  const listing = (name: string) => levels.map((l) => (l.listings?.[name] ? `${ms(l.listings[name]!.ms)}, ${n0(l.listings[name]!.bytes)} bytes` : '–'))
  return [
    'Each cell: throughput, its ratio to a same-bytes baseline interleaved with it, **that ratio relative to the',
    '1-article level** (the growth figure the targets use), p99, errors, peak RSS cms / web.',
    '',
    table(head, rps),
    '',
    `One request with no cache in the way (median of ${UNCACHED_SAMPLES}, one at a time, after ${UNCACHED_WARMUP} unmeasured): reader pages right after a purge, by-slug`,
    "with a query string (so the CMS's in-memory fast path passes it to the endpoint), the where query as always:",
    '',
    table(head, uncached),
    '',
    `Search (\`GET /api/search\`, ${first.search.samples} queries one at a time: words, prefixes, a typo, two-word queries, pages 1 and 2):`,
    '',
    table(['', ...head.slice(1)], [
      ['p50', ...levels.map((l) => ms(l.search.p50Ms))],
      ['p95', ...levels.map((l) => ms(l.search.p95Ms))],
      ['max', ...levels.map((l) => ms(l.search.maxMs))],
    ]),
    '',
    'The sitemap (every article, one file up to 50,000 URLs, then an index of files) and the site feed (the newest',
    '50 articles in full) right after a purge, median of 3:',
    '',
    table(['', ...head.slice(1)], [
      ['/sitemap.xml', ...listing('sitemap')],
      ['/feed.xml', ...listing('feed')],
    ]),
    '',
    `Publishing the extra articles through the seed writer (Local API, one process) took: ${made.join(', ') || '–'}.`,
  ].join('\n')
}

function lighthouseSection(runs: LighthouseRun[] | undefined): string {
  if (!runs?.length) return '(not run)'
  return [
    'Lighthouse 12 in Debian Chromium against the production reader site, every category; mobile is its default (a mid-range',
    `phone on slow 4G, simulated), desktop its desktop preset; each row is the median of ${runs[0]!.runs} run(s) by total blocking time.`,
    'Script is everything the browser fetched as JavaScript.',
    '',
    table(
      ['Page', 'Form factor', 'Performance', 'Accessibility', 'Best practices', 'SEO', 'TBT', 'CLS', 'LCP', 'Script'],
      runs.map((r) => [r.page, r.formFactor, r.scores.performance ?? '–', r.scores.accessibility ?? '–', r.scores['best-practices'] ?? '–', r.scores.seo ?? '–', ms(r.totalBlockingTimeMs), r.cumulativeLayoutShift.toFixed(3), ms(r.largestContentfulPaintMs), `${(r.scriptTransferBytes / 1024).toFixed(1)} KB (${r.scriptRequests})`]),
    ),
  ].join('\n')
}

function adminSection(admin: AdminTimings | undefined): string {
  if (!admin) return '(not run)'
  const { screens, livePreviewMs } = admin
  return [
    'Debian Chromium signed in to the production admin, timed to the screen being usable (a list\'s table, an edit form Payload',
    'marks ready, a section\'s rich-text editor): by clicking the link an editor clicks (a dashboard card, a list row), the',
    'first time after signing in and later, and by a full page load (a bookmark or reload, which parses the admin\'s scripts again).',
    '',
    table(
      ['Screen', 'First (link)', 'Later by link, p50', 'Later by link, max', 'Page load, p50'],
      screens.map((s) => [s.screen, ms(s.firstMs), ms(percentile(s.warmMs, 50)), ms(Math.max(...s.warmMs)), ms(percentile(s.loadMs, 50))]),
    ),
    '',
    `Live preview while typing: ${livePreviewMs.length} bursts of a few words typed at the end of a section (${KEY_DELAY_MS} ms a key) with`,
    'the preview open beside the editor, each timed from its last keystroke to the preview frame showing the words (the reader',
    'site renders the unsaved text; nothing is saved for it).',
    '',
    table(['p50', 'p95', 'max'], [[ms(percentile(livePreviewMs, 50)), ms(percentile(livePreviewMs, 95)), ms(Math.max(...livePreviewMs))]]),
  ].join('\n')
}

function clusterSection(c: ClusterRun | undefined): string {
  if (!c) return '(not run)'
  const instances = (seen: Record<string, number>) =>
    Object.keys(seen)
      .sort()
      .map((name) => `${name} ${ms(seen[name]!)}`)
      .join(', ')
  const failures = (p: ClusterRun['steady']) => p.targets.map(([name, failed]) => `${name}: ${n0(failed)}`).join('; ')
  return [
    `\`npm run cluster\`: two CMS and two reader-site processes on one SQLite file (WAL) behind nginx; ${c.readers} readers through nginx`,
    '(article page, front page and by-slug API), an editor publishing through nginx, every instance read directly.',
    '',
    table(
      ['Phase', 'Reader requests', 'req/s', 'Failed', 'Publishes', 'Every instance serves the edit after'],
      [
        ['steady', n0(c.steady.requests), n0(c.steady.requestsPerSecond), failures(c.steady), `${c.steady.publishes.done} (${c.steady.publishes.failed.length} failed)`, c.steady.visibleMs.map(instances).join('<br>')],
        [
          `${c.failover.killed.join(' and ')} SIGKILLed at ${ms(c.failover.killedAtMs)}`,
          n0(c.failover.requests),
          n0(c.failover.requestsPerSecond),
          failures(c.failover),
          `${c.failover.publishes.done} (${c.failover.publishes.failed.length} failed)`,
          c.failover.visibleMs.map(instances).join('<br>'),
        ],
      ],
    ),
    '',
    `Killed instances back (restarted by the supervisor, serving again) after: ${instances(c.failover.backAfterMs)}. Times in the last column`,
    'run from the publish request; a killed instance is counted when it is back and serves the edit.',
  ].join('\n')
}

const METHOD = `- Servers: the production builds, started by \`tests/helpers/servers.ts\` (the CMS behind express, the reader site behind its
  caching front server), each a child process on a free port, against a fresh SQLite database; the bundled article
  seeded and published with the seed CLI, as \`npm start\` does. API rate limits are raised through the environment.
- Load: autocannon in the bench process (a separate process from every server), 50 connections, pipelining 1, no
  \`Accept-Encoding\` (so pages are sent uncompressed: the larger, harder case). Caches are warmed before each run.
- Baseline: a bare \`node:http\` server in a child process replaying the same status, headers and body bytes that the
  real server returned for that URL (captured just before), from memory. The conditional GET (304) is compared with
  the full 200 JSON.
- Interleaving: each baseline and the scenarios that share its bytes take turns (rounds of a fraction of the duration
  each, see "Run" above), so background load lands on both sides of a ratio. req/s is over all slices; p50 is the median slice's and p99 the
  worst slice's (percentiles do not merge exactly; this errs on the slow side).
- Errors: socket errors and timeouts plus every response that is not 2xx (304 counts as success for If-None-Match).
- Peak RSS: VmRSS of each server's process tree from /proc, sampled every 200 ms during each run.
- Publish to visible: an editor PATCHes the article summary with \`_status: published\` over REST; the clock stops at
  the first reader-page response containing the new text (polled every 10 ms).
- Seed: "done in" is the CLI's own timing of the writes after Payload is up; wall is the whole CLI process.
- Growth: extra articles are variants of the bundled one, published by \`bench/generate.ts\` through the seed's
  writer (Payload's Local API, hooks and all), between levels on the same running stack.
- Start to ready: \`npm start\` after the build, until the CMS's \`/readyz\` and the reader site's
  \`/robots.txt\` both answer 200 and it prints its ready line; first on a fresh data directory (migrations, seeding
  the empty database), then again on the same one (a restart).`

export function renderReport(r: Report): string {
  const s = r.startup
  const startup = s
    ? table(
        ['Start', 'Build check done', 'CMS /readyz', 'Seed done (or skipped)', 'Both ready', 'Ready, counted from the build check', 'SIGTERM to exit'],
        ([['first (empty database: migrations, seed)', s.first], ['restart', s.restart]] as const).map(([label, t]) => [label, ms(t.buildCheckedMs), ms(t.cmsReadyMs), ms(t.seedDoneMs), ms(t.readyMs), ms(t.readyMs - t.buildCheckedMs), ms(t.stopMs)]),
      ) + '\n\nTimes from spawning `npm start`. The build check waits while another build holds the lock.'
    : '(not run)'
  return `# Benchmarks

Generated by \`npm run bench\` (bench/run.ts); do not edit by hand. Ratios compare each scenario with a minimal
\`node:http\` server sending the same bytes on the same machine in the same run, so they travel between machines better
than the raw requests per second do.

## Machine

${machineSection(r)}
${busyNote(r)}
## Targets

${checksSection(r.checks)}

## Reads under load

${httpSection(r.http)}

## Reader pages in Lighthouse

${lighthouseSection(r.lighthouse)}

## Admin screens

${adminSection(r.admin)}

## Publish to visible

${publishSection(r.publish)}

## Seeding

${seedSection(r.seed, r.sizes)}

## Growth

${growthSection(r.growth)}

## Cluster

${clusterSection(r.cluster)}

## Start to ready (\`npm start\`)

${startup}

## Method

${METHOD}
`
}
