/**
 * One load run: autocannon against a URL for a fixed time, with peak RSS of the named server
 * processes sampled alongside. autocannon runs in this (the bench) process; the servers are child
 * processes, so load generator and servers never share an event loop.
 */
import autocannon, { type Options, type Result } from 'autocannon'
import { sampleRss, type RssPeaks } from './rss'

export const CONNECTIONS = 50

export interface LoadSpec {
  url: string
  headers?: Record<string, string>
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
