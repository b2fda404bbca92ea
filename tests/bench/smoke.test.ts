/**
 * Performance smoke test: the cached read paths against a bare node:http baseline, briefly, in
 * `npm test`. It fails on any error, or on a throughput ratio below HALF its BENCHMARKS.md target,
 * so a regression (a cached page re-entering React, the by-slug fast path falling through to
 * Payload) is caught while ordinary timing noise is not. Latency is left to `npm run bench`.
 */
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBaseline, type Baseline } from '../../bench/baseline'
import { measureInterleaved } from '../../bench/interleave'
import { baselineRequest, httpScenarios, loadRequest, scenarioKeys, SMOKE_IDS, urlOf, warmAndCapture, type HttpScenario, type Urls } from '../../bench/scenarios'
import { startBenchStack, type BenchStack } from '../../bench/stack'
import { readerPages, runLighthouse } from '../../bench/lighthouse'
import { lighthouseChecks, throughputChecks, type Check, type HttpPair } from '../../bench/targets'

// Slices alternate baseline and scenario; 2 rounds of 1 s each keep the file well under a minute.
const ROUNDS = 2
const SLICE_SEC = 1

let stack: BenchStack
let baseline: Baseline
let scenarios: HttpScenario[]
let urls: Urls

beforeAll(async () => {
  stack = await startBenchStack({ noopSeed: false })
  urls = { cms: stack.cms.url, web: stack.web.url }
  scenarios = httpScenarios(await scenarioKeys(urls.cms, stack.slug)).filter((s) => (SMOKE_IDS as readonly string[]).includes(s.id))
  const { routes } = await warmAndCapture(scenarios, urls)
  baseline = await startBaseline(routes, os.tmpdir())
})

afterAll(async () => {
  await baseline?.stop()
  await stack?.stop()
})

/** One baseline and the scenarios that share its bytes, interleaved. */
async function pairsFor(baselinePath: string): Promise<HttpPair[]> {
  const group = scenarios.filter((s) => s.baselinePath === baselinePath)
  const pids = { cms: stack.cms.child.pid!, web: stack.web.child.pid! }
  const [base, ...results] = await measureInterleaved(
    [{ ...baselineRequest(group[0]!), url: `${baseline.url}${baselinePath}` }, ...group.map((s) => ({ ...loadRequest(s), url: urlOf(s, urls), pids }))],
    ROUNDS,
    SLICE_SEC,
  )
  return group.map((s, i) => ({ id: s.id, title: s.title, server: s.server, result: results[i]!, baseline: base! }))
}

const reportOf = (checks: Check[]) => checks.map((c) => `${c.pass ? 'ok  ' : 'FAIL'} ${c.name}: ${c.actual} (wanted ${c.target})`).join('\n')

function expectHalfTargets(pairs: HttpPair[]) {
  const checks = throughputChecks(pairs, { factor: 0.5, latency: false })
  const report = reportOf(checks)
  console.log(`[bench smoke] load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}\n${report}`)
  expect(checks.length).toBeGreaterThan(0)
  expect(checks.filter((c) => !c.pass), report).toEqual([])
}

describe('bench smoke (half the BENCHMARKS.md targets)', () => {
  it('serves the cached article page at >= 0.25x the baseline with no errors', async () => {
    expectHalfTargets(await pairsFor('/article'))
  }, 60_000)

  it('serves the cached front page at >= 0.25x the baseline with no errors', async () => {
    expectHalfTargets(await pairsFor('/front'))
  }, 60_000)

  it('serves by-slug at >= 0.125x and its 304 at >= 0.25x the baseline with no errors', async () => {
    const pairs = await pairsFor('/by-slug')
    expect(pairs.find((p) => p.id === 'by-slug-etag')?.result.statuses['304'], 'the ETag scenario must be answered with 304s').toBeGreaterThan(0)
    expectHalfTargets(pairs)
  }, 60_000)

  it('serves an API list and a GraphQL query sent by POST and by GET at >= 0.125x the baseline with no errors', async () => {
    const pairs = [...(await pairsFor('/list')), ...(await pairsFor('/graphql-post')), ...(await pairsFor('/graphql-get'))]
    expect(pairs.map((p) => p.id)).toEqual(['list', 'graphql-post', 'graphql-get'])
    expectHalfTargets(pairs)
  }, 60_000)

  // warmAndCapture has already refused an answer that was not brotli-encoded.
  it('serves by-slug brotli-compressed at >= 0.125x the baseline with no errors', async () => {
    expectHalfTargets(await pairsFor('/by-slug-br'))
  }, 60_000)

  it('gives the article page Lighthouse scores of 100 in accessibility, best practices and SEO, with no script', async () => {
    const article = (await readerPages(urls, stack.slug)).filter((p) => p.page === 'article')
    const [run] = await runLighthouse(article, ['mobile'])
    // Performance depends on how busy this machine is while Lighthouse times the page; `npm run bench` checks it.
    const checks = lighthouseChecks([run!]).filter((c) => !/performance|blocking|layout shift/.test(c.name))
    const report = reportOf(checks)
    console.log(`[bench smoke] lighthouse ${JSON.stringify(run!.scores)}\n${report}`)
    expect(checks.map((c) => c.name)).toHaveLength(4)
    expect(checks.filter((c) => !c.pass), report).toEqual([])
  }, 120_000)
})
