/**
 * The load generators, for the bench suite and the reliability tests alike. Loopback only.
 *
 *   measure(...)  autocannon against one URL for a fixed time, with peak RSS of the named server
 *                 processes sampled alongside: throughput and latency figures for BENCHMARKS.md.
 *   runLoad(...)  N readers on the article page, the front page and the by-slug API, plus
 *                 `publishes` edits spread over the run: counts and latencies, for the tests that
 *                 check readers are served while editors publish or a server dies.
 *
 * Both run in the calling process; the servers are child processes, so load generator and servers
 * never share an event loop.
 *
 * Why runLoad uses plain node:http and not autocannon: each reader there is one keep-alive
 * connection doing request, full response, next request, which is what a page view is, and every
 * outcome is classified strictly (a failure is a socket error, a timeout or a status outside
 * 200-399).
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import autocannon, { type Options, type Result } from 'autocannon'
import { sampleRss, type RssPeaks } from './rss'

export const CONNECTIONS = 50

export interface LoadSpec {
  url: string
  headers?: Record<string, string>
  /** A read sent as POST with this body (GraphQL); GET otherwise. */
  method?: 'POST'
  body?: string
  /** Seconds. */
  duration: number
  connections?: number
  /** Statuses that count as success besides 2xx (304 for a conditional GET). */
  alsoOk?: number[]
  /** Process trees whose peak RSS to record, by name. */
  pids?: Record<string, number>
}

export interface Measurement {
  url: string
  requestsPerSec: number
  p50Ms: number
  p99Ms: number
  /** Socket errors and timeouts, plus every response that is neither 2xx nor in `alsoOk`. */
  errors: number
  total: number
  statuses: Record<string, number>
  /** Response bytes (headers and body) over responses: shows a scenario and its baseline sent the same. */
  bytesPerResponse: number
  rssMb: RssPeaks
  durationSec: number
}

function run(opts: Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)))
  })
}

export async function measure(spec: LoadSpec): Promise<Measurement> {
  const rss = sampleRss(spec.pids ?? {})
  let peaks: RssPeaks = {}
  let result: Result
  try {
    result = await run({
      url: spec.url,
      connections: spec.connections ?? CONNECTIONS,
      duration: spec.duration,
      pipelining: 1,
      timeout: 10,
      headers: spec.headers ?? {},
      method: spec.method ?? 'GET',
      body: spec.body,
    })
  } finally {
    peaks = rss.stop()
  }
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]))
  const ok = (code: number) => (code >= 200 && code < 300) || (spec.alsoOk ?? []).includes(code)
  const badResponses = Object.entries(statuses).reduce((sum, [code, count]) => sum + (ok(Number(code)) ? 0 : count), 0)
  const total = Object.values(statuses).reduce((a, b) => a + b, 0)
  return {
    url: spec.url,
    // Completed responses over the time actually run: autocannon's per-second "average" ignores
    // the partial last second.
    requestsPerSec: total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + badResponses,
    total,
    statuses,
    bytesPerResponse: total ? result.throughput.total / total : 0,
    rssMb: peaks,
    durationSec: result.duration,
  }
}

export interface LoadOptions {
  cmsUrl: string
  webUrl: string
  slug: string
  /** Readers, spread evenly over the three targets. */
  concurrency: number
  durationMs: number
  /** Number of calls to `publish`, spaced evenly over the run; each waits for the previous one. */
  publishes: number
  publish: (index: number) => Promise<void>
  requestTimeoutMs?: number
  /** Which pages to read; all three by default. */
  targets?: TargetName[]
  /** Called every 500 ms during the run (e.g. to sample memory). */
  onTick?: () => void
}

export type TargetName = 'article' | 'front' | 'api'

export interface TargetStats {
  name: string
  url: string
  readers: number
  requests: number
  failures: number
  statuses: Record<string, number>
  errors: Record<string, number>
  latencyMs: { p50: number; p95: number; p99: number; max: number }
}

export interface LoadResult {
  durationMs: number
  requests: number
  failures: number
  requestsPerSecond: number
  targets: TargetStats[]
  publishes: { done: number; failed: string[]; latencyMs: number[] }
}

type Outcome = { status: number } | { error: string }

function get(url: URL, agent: http.Agent, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { 'accept-encoding': 'gzip', 'user-agent': 'tripsitter-load' } }, (res) => {
      res.on('error', (err) => resolve({ error: codeOf(err) }))
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }))
      res.resume() // read the whole body: a reader waits for the page, not just its headers
    })
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })))
    req.on('error', (err) => resolve({ error: codeOf(err) }))
  })
}

const codeOf = (err: Error): string => (err as NodeJS.ErrnoException).code ?? err.message

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const timeoutMs = o.requestTimeoutMs ?? 10_000
  const wanted = new Set<TargetName>(o.targets ?? ['article', 'front', 'api'])
  const specs = [
    { key: 'article' as const, name: 'article page (web)', url: `${o.webUrl}/articles/${o.slug}` },
    { key: 'front' as const, name: 'front page (web)', url: `${o.webUrl}/` },
    { key: 'api' as const, name: 'by-slug API (cms)', url: `${o.cmsUrl}/api/articles/by-slug/${o.slug}` },
  ].filter((t) => wanted.has(t.key))
  const targets = specs.map((spec, i) => {
    const readers = Math.floor(o.concurrency / specs.length) + (i < o.concurrency % specs.length ? 1 : 0)
    return {
      ...spec,
      readers,
      parsed: new URL(spec.url),
      agent: new http.Agent({ keepAlive: true, maxSockets: Math.max(1, readers) }),
      latencies: [] as number[],
      statuses: {} as Record<string, number>,
      errors: {} as Record<string, number>,
      failures: 0,
    }
  })

  const started = performance.now()
  const deadline = started + o.durationMs
  const reader = async (t: (typeof targets)[number]) => {
    while (performance.now() < deadline) {
      const t0 = performance.now()
      const outcome = await get(t.parsed, t.agent, timeoutMs)
      t.latencies.push(performance.now() - t0)
      if ('error' in outcome) {
        t.errors[outcome.error] = (t.errors[outcome.error] ?? 0) + 1
        t.failures++
      } else {
        t.statuses[outcome.status] = (t.statuses[outcome.status] ?? 0) + 1
        if (outcome.status < 200 || outcome.status >= 400) t.failures++
      }
    }
  }

  const publishes = { done: 0, failed: [] as string[], latencyMs: [] as number[] }
  const editor = (async () => {
    for (let i = 0; i < o.publishes; i++) {
      const due = started + ((i + 1) * o.durationMs) / (o.publishes + 1)
      await sleep(Math.max(0, due - performance.now()))
      const t0 = performance.now()
      try {
        await o.publish(i)
        publishes.done++
      } catch (err) {
        publishes.failed.push(`publish ${i + 1}: ${err instanceof Error ? err.message : String(err)}`)
      }
      publishes.latencyMs.push(Math.round(performance.now() - t0))
    }
  })()
  const ticker = o.onTick ? setInterval(o.onTick, 500) : undefined
  try {
    await Promise.all([...targets.flatMap((t) => Array.from({ length: t.readers }, () => reader(t))), editor])
  } finally {
    if (ticker) clearInterval(ticker)
    for (const t of targets) t.agent.destroy()
  }
  const durationMs = Math.round(performance.now() - started)

  const stats: TargetStats[] = targets.map((t) => {
    const sorted = Float64Array.from(t.latencies).sort()
    return {
      name: t.name,
      url: t.url,
      readers: t.readers,
      requests: t.latencies.length,
      failures: t.failures,
      statuses: t.statuses,
      errors: t.errors,
      latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: percentile(sorted, 100) },
    }
  })
  const requests = stats.reduce((n, t) => n + t.requests, 0)
  return {
    durationMs,
    requests,
    failures: stats.reduce((n, t) => n + t.failures, 0),
    requestsPerSecond: Math.round((requests / durationMs) * 1000),
    targets: stats,
    publishes,
  }
}
