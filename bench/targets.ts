/**
 * The performance targets (README, BENCHMARKS.md), checked against one run's results. Pure: the smoke test applies the
 * throughput checks at half strength (`factor` 0.5) so it catches regressions without flaking on
 * a busy machine.
 */
import type { ClusterRun } from './cluster'
import type { AdminTimings } from './admin'
import type { LighthouseRun } from './lighthouse'
import type { StartupTiming } from './startup'
import type { Measurement } from './load'
import type { GrowthFailure, GrowthLevel } from './growth'
import type { SeedTiming } from './stack'
import type { SizedSeed } from './seedSizes'
import { percentile } from './stats'
import { COMPRESSED_IDS, GENERIC_READ_IDS } from './scenarios'

export interface Check {
  name: string
  target: string
  actual: string
  pass: boolean
}

export interface HttpPair {
  id: string
  title: string
  server: 'cms' | 'web'
  result: Measurement
  baseline: Measurement
}

export const ratioOf = (p: HttpPair) => p.result.requestsPerSec / p.baseline.requestsPerSec

/** Throughput ratio to baseline (per scenario id), at full strength. */
const RATIO_TARGETS: Record<string, number> = {
  article: 0.5,
  front: 0.5,
  'by-slug-etag': 0.5,
  'by-slug': 0.25,
  // Compressed answers come from the same caches, stored compressed: the same bar as uncompressed.
  'article-gzip': 0.5,
  'article-br': 0.5,
  'by-slug-gzip': 0.25,
  'by-slug-br': 0.25,
  ...Object.fromEntries(GENERIC_READ_IDS.map((id) => [id, 0.25])),
}
const P99_FACTOR = 3
/** Reads whose throughput must hold as the catalogue grows (within 20% of the one-article level). */
const GROWTH_TITLES: Record<string, string> = { article: 'Article page', front: 'Front page', 'by-slug': 'API by-slug', list: 'API article list' }
/** Generic reads: p99 at 50 connections, in milliseconds. */
const GENERIC_P99_MS = 50
const GENERIC = new Set<string>(GENERIC_READ_IDS)
const ZERO_ERROR_IDS = new Set(['article', 'front', 'by-slug', 'by-slug-etag', ...GENERIC_READ_IDS, ...COMPRESSED_IDS])

const fmt = (n: number, digits = 2) => n.toFixed(digits)

export function throughputChecks(pairs: HttpPair[], { factor = 1, latency = true }: { factor?: number; latency?: boolean } = {}): Check[] {
  const checks: Check[] = []
  for (const p of pairs) {
    const min = RATIO_TARGETS[p.id]
    if (min !== undefined) {
      const ratio = ratioOf(p)
      checks.push({ name: `${p.title}: req/s vs baseline`, target: `>= ${fmt(min * factor, 3)}x`, actual: `${fmt(ratio, 3)}x`, pass: ratio >= min * factor })
    }
    if (latency && (p.id === 'article' || p.id === 'front')) {
      const limit = P99_FACTOR * p.baseline.p99Ms
      checks.push({ name: `${p.title}: p99 vs baseline`, target: `<= ${P99_FACTOR}x (${limit} ms)`, actual: `${p.result.p99Ms} ms (${fmt(p.result.p99Ms / Math.max(1, p.baseline.p99Ms), 1)}x)`, pass: p.result.p99Ms <= limit })
    }
    if (latency && GENERIC.has(p.id)) {
      checks.push({ name: `${p.title}: p99`, target: `<= ${GENERIC_P99_MS} ms`, actual: `${p.result.p99Ms} ms`, pass: p.result.p99Ms <= GENERIC_P99_MS })
    }
    if (ZERO_ERROR_IDS.has(p.id)) checks.push({ name: `${p.title}: errors`, target: '0', actual: String(p.result.errors), pass: p.result.errors === 0 })
  }
  return checks
}

export interface FullResults {
  http: HttpPair[]
  publishVisibleMs: number[]
  seed: { cold: SeedTiming; noop?: SeedTiming }
  growth: GrowthLevel[]
  /** A growth level that could not be measured (the levels before it are in `growth`). */
  growthFailure?: GrowthFailure
  sizes: SizedSeed[]
  cluster?: ClusterRun
  lighthouse?: LighthouseRun[]
  startup?: StartupTiming
  admin?: AdminTimings
}

/** `npm start` on a built checkout with its database in place, to both servers answering. */
export const RESTART_READY_MS = 5_000

export const SEARCH_P95_MS = 50
/** A purged article page rebuilt (CMS read and render) at the largest catalogue measured. */
export const COLD_RENDER_P50_MS = 30

/** For each publish of the cluster's steady phase, when the slowest instance had it. */
export const everyInstanceMs = (run: ClusterRun): number[] => run.steady.visibleMs.map((seen) => Math.max(...Object.values(seen)))

export const RSS_LIMITS_MB: Record<'cms' | 'web', number> = { cms: 450, web: 400 }

export function peakRss(results: Pick<FullResults, 'http' | 'growth'>, server: 'cms' | 'web'): number {
  const all = [...results.http.map((p) => p.result), ...results.growth.flatMap((g) => Object.values(g.results))]
  return Math.max(0, ...all.map((m) => m.rssMb[server] ?? 0))
}

/** Reader pages need no client code; what a browser downloads as script, per page, at most. */
export const PAGE_SCRIPT_LIMIT_BYTES = 15 * 1024
export const LIGHTHOUSE_TARGETS = { performance: 98, totalBlockingTimeMs: 50, cumulativeLayoutShift: 0 }
const PERFECT_CATEGORIES = ['accessibility', 'best-practices', 'seo']

export function lighthouseChecks(runs: LighthouseRun[]): Check[] {
  const checks: Check[] = []
  for (const run of runs) {
    const label = `Lighthouse, ${run.page} page, ${run.formFactor}`
    if (run.formFactor === 'mobile') {
      checks.push({ name: `${label}: script transferred`, target: `<= ${PAGE_SCRIPT_LIMIT_BYTES / 1024} KB`, actual: `${fmt(run.scriptTransferBytes / 1024, 1)} KB (${run.scriptRequests} requests)`, pass: run.scriptTransferBytes <= PAGE_SCRIPT_LIMIT_BYTES })
    }
    if (run.page !== 'article') continue
    if (run.formFactor === 'mobile') {
      const { performance, totalBlockingTimeMs, cumulativeLayoutShift } = LIGHTHOUSE_TARGETS
      checks.push({ name: `${label}: performance`, target: `>= ${performance}`, actual: String(run.scores.performance), pass: (run.scores.performance ?? 0) >= performance })
      checks.push({ name: `${label}: total blocking time`, target: `<= ${totalBlockingTimeMs} ms`, actual: `${run.totalBlockingTimeMs} ms`, pass: run.totalBlockingTimeMs <= totalBlockingTimeMs })
      checks.push({ name: `${label}: cumulative layout shift`, target: String(cumulativeLayoutShift), actual: fmt(run.cumulativeLayoutShift, 3), pass: run.cumulativeLayoutShift <= cumulativeLayoutShift })
    }
    for (const category of PERFECT_CATEGORIES) {
      checks.push({ name: `${label}: ${category}`, target: '100', actual: String(run.scores[category]), pass: run.scores[category] === 100 })
    }
  }
  return checks
}

/** An admin screen an editor returns to should be usable within this, on 2 cores. */
export const ADMIN_SCREEN_MS = 2_000

/** From the last keystroke to the preview frame showing it. */
export const LIVE_PREVIEW_MS = 1_000

export function adminChecks({ screens, livePreviewMs }: AdminTimings): Check[] {
  const checks = screens.map((s) => {
    const p50 = percentile(s.warmMs, 50)
    return { name: `Admin: ${s.screen}, opened by its link after the first load (p50 of ${s.warmMs.length})`, target: `<= ${ADMIN_SCREEN_MS} ms`, actual: `${fmt(p50, 0)} ms`, pass: p50 <= ADMIN_SCREEN_MS }
  })
  const p95 = percentile(livePreviewMs, 95)
  checks.push({ name: `Admin: live preview, last keystroke to preview (p95 of ${livePreviewMs.length})`, target: `<= ${LIVE_PREVIEW_MS} ms`, actual: `${fmt(p95, 0)} ms`, pass: p95 <= LIVE_PREVIEW_MS })
  return checks
}

export function allChecks(r: FullResults): Check[] {
  const checks = throughputChecks(r.http)
  if (r.lighthouse) checks.push(...lighthouseChecks(r.lighthouse))
  if (r.admin) checks.push(...adminChecks(r.admin))
  if (r.publishVisibleMs.length > 0) {
    const p95 = percentile(r.publishVisibleMs, 95)
    checks.push({ name: `Publish to visible: p95 of ${r.publishVisibleMs.length}`, target: '<= 2000 ms', actual: `${fmt(p95, 0)} ms`, pass: p95 <= 2000 })
  }
  checks.push({ name: 'Seed of the bundled document, cold (after Payload is up)', target: '<= 2000 ms', actual: `${r.seed.cold.doneMs} ms`, pass: r.seed.cold.doneMs <= 2000 })
  const noop = r.seed.noop
  if (noop) checks.push({ name: 'Seed re-run, no changes (after Payload is up)', target: '<= 1000 ms', actual: `${noop.doneMs} ms`, pass: noop.doneMs <= 1000 })

  const first = r.growth[0]
  const last = r.growth.at(-1)
  if (first && last && last !== first) {
    for (const [id, title] of Object.entries(GROWTH_TITLES)) {
      const raw = growthRatio(first, last, id, false)
      const normalized = growthRatio(first, last, id, true)
      if (raw === undefined || normalized === undefined) continue
      checks.push({
        name: `${title} req/s, ${last.articles} vs ${first.articles} article(s), against same-run baselines`,
        target: '>= 0.80x',
        actual: `${fmt(normalized)}x (raw req/s: ${fmt(raw)}x)`,
        pass: normalized >= 0.8,
      })
    }
  }

  if (r.growthFailure) {
    const reason = r.growthFailure.message.split('\n')[0]!.slice(0, 200)
    checks.push({ name: `Growth measured at ${r.growthFailure.articles} articles`, target: 'measured', actual: `failed: ${reason}`, pass: false })
  }

  const largest = r.growth.at(-1)
  const cold = largest?.uncachedMs.article
  if (largest && cold !== undefined) {
    checks.push({ name: `Article page right after a purge (cold render), p50 at ${largest.articles} article(s)`, target: `<= ${COLD_RENDER_P50_MS} ms`, actual: `${fmt(cold, 1)} ms`, pass: cold <= COLD_RENDER_P50_MS })
  }

  if (largest) {
    const { p95Ms } = largest.search
    checks.push({ name: `Search p95, ${largest.articles} article(s), one request at a time`, target: `<= ${SEARCH_P95_MS} ms`, actual: `${fmt(p95Ms, 1)} ms`, pass: p95Ms <= SEARCH_P95_MS })
  }

  const [, mid, big] = r.sizes
  if (mid && big) {
    // Linear means cost per byte stays flat; allow it to double before calling it superlinear.
    const perByte = big.doneMs / big.bytes / (mid.doneMs / mid.bytes)
    checks.push({ name: `Seed time vs size (${big.label} vs ${mid.label}, per byte)`, target: '<= 2.0x (roughly linear)', actual: `${fmt(perByte)}x`, pass: perByte <= 2 })
  }

  if (r.cluster) {
    const slowest = everyInstanceMs(r.cluster)
    const p95 = percentile(slowest, 95)
    checks.push({ name: `Cluster: publish visible on every instance (2 CMS + 2 reader processes), p95 of ${slowest.length}`, target: '<= 2000 ms', actual: `${fmt(p95, 0)} ms`, pass: p95 <= 2000 })
    const failed = r.cluster.steady.failures + r.cluster.failover.failures
    checks.push({ name: `Cluster: failed reader requests, ${r.cluster.readers} readers through nginx, with publishes and with ${r.cluster.failover.killed.join(' and ')} killed`, target: '0', actual: String(failed), pass: failed === 0 })
  }

  if (r.startup) {
    const { readyMs } = r.startup.restart
    checks.push({ name: 'npm start on a built checkout (a restart), to ready', target: `<= ${RESTART_READY_MS} ms`, actual: `${readyMs} ms`, pass: readyMs <= RESTART_READY_MS })
  }

  const loadRuns = r.http.length + r.growth.length
  for (const server of loadRuns > 0 ? (['cms', 'web'] as const) : []) {
    const peak = peakRss(r, server)
    checks.push({ name: `Peak RSS under load, ${server}`, target: `<= ${RSS_LIMITS_MB[server]} MB`, actual: `${fmt(peak, 0)} MB`, pass: peak <= RSS_LIMITS_MB[server] })
  }
  return checks
}

/**
 * Throughput at `to` relative to `from`. `normalized` divides each level by its own interleaved
 * same-bytes baseline first: minutes pass between levels on a machine others may be using, and
 * the front page's bytes grow with its first 10 articles; neither is a cost of having more content.
 */
export function growthRatio(from: GrowthLevel, to: GrowthLevel, id: string, normalized: boolean): number | undefined {
  const a = from.results[id]
  const b = to.results[id]
  if (!a || !b) return undefined
  if (!normalized) return b.requestsPerSec / a.requestsPerSec
  const baseA = from.baselines[id]
  const baseB = to.baselines[id]
  if (!baseA || !baseB) return undefined
  return b.requestsPerSec / baseB.requestsPerSec / (a.requestsPerSec / baseA.requestsPerSec)
}
