/**
 * The read scenarios against their baselines: each baseline and the scenarios that share its bytes
 * take turns (interleaved rounds), so background load on a shared machine lands on both sides.
 */
import { startBaseline } from './baseline'
import { measureInterleaved, roundsFor } from './interleave'
import { baselineRequest, httpScenarios, loadRequest, urlOf, warmAndCapture, type ScenarioKeys } from './scenarios'
import type { BenchStack } from './stack'
import { ratioOf, type HttpPair } from './targets'


export async function readScenarios(opts: { stack: BenchStack; keys: ScenarioKeys; duration: number; workDir: string; log: (line: string) => void }): Promise<HttpPair[]> {
  const { stack, log } = opts
  const urls = { cms: stack.cms.url, web: stack.web.url }
  const scenarios = httpScenarios(opts.keys)
  const { routes } = await warmAndCapture(scenarios, urls)
  const baseline = await startBaseline(routes, opts.workDir)
  const pids = { cms: stack.cms.child.pid!, web: stack.web.child.pid! }
  const pairs: HttpPair[] = []
  try {
    for (const baselinePath of new Set(scenarios.map((s) => s.baselinePath))) {
      const group = scenarios.filter((s) => s.baselinePath === baselinePath)
      const [base, ...results] = await measureInterleaved(
        [{ ...baselineRequest(group[0]!), url: `${baseline.url}${baselinePath}`, pids: { baseline: baseline.pid } }, ...group.map((s) => ({ ...loadRequest(s), url: urlOf(s, urls), pids }))],
        roundsFor(opts.duration),
        opts.duration / roundsFor(opts.duration),
      )
      log(`baseline ${baselinePath}: ${base!.requestsPerSec.toFixed(0)} req/s`)
      group.forEach((s, i) => {
        const pair: HttpPair = { id: s.id, title: s.title, server: s.server, result: results[i]!, baseline: base! }
        pairs.push(pair)
        log(`${s.id}: ${pair.result.requestsPerSec.toFixed(0)} req/s (${ratioOf(pair).toFixed(3)}x), p99 ${pair.result.p99Ms} ms, ${pair.result.errors} errors`)
      })
    }
  } finally {
    await baseline.stop()
  }
  return pairs
}
