/**
 * Growth: the same page and API reads with 1, 100 and 1,000 published articles, on one stack.
 * Articles are added between levels by bench/generate.ts (Payload's Local API in a child process);
 * each article's publish hook purges the reader site's cache as a real publish would.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { repoRoot } from '../src/env'
import type { EnvVars } from '../scripts/lib/stack'
import { sendRevalidation } from '../src/webhook/send'
import { startBaseline } from './baseline'
import { measureInterleaved, roundsFor } from './interleave'
import type { Measurement } from './load'
import { capture } from './capture'
import { baselineRequest, httpScenarios, loadRequest, urlOf, warmAndCapture, type HttpScenario, type ScenarioKeys, type Urls } from './scenarios'
import { percentile } from './stats'
import { measureSearch, type SearchLatency } from './search'

export interface GrowthLevel {
  articles: number
  /** Time to add the articles that reach this level (0 for the first level). */
  generateMs: number
  /** Median time of one uncached request per scenario: how the work behind a cache grows with content. */
  uncachedMs: Record<string, number>
  results: Record<string, Measurement>
  /**
   * Same-bytes baselines at this level, interleaved with the scenarios. Dividing by them takes out
   * both background load (minutes pass between levels) and page size (the front page lists up to
   * 10 articles, so its bytes grow from 1 article to 10, then stay put).
   */
  baselines: Record<string, Measurement>
  /** `GET /api/search`, one request at a time, with this many articles indexed. */
  search: SearchLatency
  /** The sitemap and the site feed right after a purge: median time of 3, and size. */
  listings: Record<string, { ms: number; bytes: number }>
}

function generate(env: EnvVars, from: number, to: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/generate.ts'), String(from), String(to)], {
      cwd: repoRoot,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    const keep = (b: Buffer) => (out = (out + b.toString()).slice(-5_000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('exit', (code) => (code === 0 ? resolve(Date.now() - started) : reject(new Error(`generate ${from}..${to} failed (exit ${code}):\n${out}`))))
  })
}

async function publishedCount(cmsUrl: string): Promise<number> {
  const res = await fetch(`${cmsUrl}/api/articles?limit=1&depth=0`)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

/**
 * Unmeasured passes first: the cached load before each level never runs the render and assembly code
 * (the caches answer it), so the first renders after that load, and after generating a level's
 * articles, also pay for V8 compiling that code again, which a site that renders pages all day has
 * long done. Every measured pass is still a real purge and a real render.
 */
export const UNCACHED_WARMUP = 3
export const UNCACHED_SAMPLES = 9
const LISTING_SAMPLES = 3

/** One GET, timed, after a signed purge of the reader site (as a publish sends) when `purge` says so; anything but 200 fails. */
async function timedRead(url: string, purge: { web: string; secret: string } | null): Promise<{ ms: number; bytes: number }> {
  if (purge) {
    const purged = await sendRevalidation(purge.web, purge.secret, { event: 'update', collection: 'articles', slugs: [] })
    if (!purged.ok) throw new Error(`purging the reader site failed: ${purged.status ?? ''} ${purged.error ?? ''}`)
  }
  const started = performance.now()
  const res = await capture(url)
  const ms = performance.now() - started
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
  return { ms, bytes: res.body.length }
}

/**
 * What each read costs when no cache answers, one request at a time: reader pages right after a
 * signed purge (as a publish sends), by-slug with a query string (which the CMS's in-memory fast
 * path never answers, so the endpoint assembles the article), the where query as it always runs.
 */
async function uncachedCosts(scenarios: HttpScenario[], urls: Urls, revalidateSecret: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const s of scenarios) {
    const samples: number[] = []
    for (let i = 0; i < UNCACHED_WARMUP + UNCACHED_SAMPLES; i++) {
      const url = s.id === 'by-slug' ? `${urlOf(s, urls)}?uncached=${i}` : urlOf(s, urls)
      const { ms } = await timedRead(url, s.server === 'web' ? { web: urls.web, secret: revalidateSecret } : null)
      if (i >= UNCACHED_WARMUP) samples.push(ms)
    }
    out[s.id] = percentile(samples, 50)
  }
  return out
}

const LISTINGS = { sitemap: '/sitemap.xml', feed: '/feed.xml' } as const

/** Documents that list the whole catalogue or its newest part: their cost after a purge, and their size. */
async function listingCosts(urls: Urls, revalidateSecret: string): Promise<GrowthLevel['listings']> {
  const out: GrowthLevel['listings'] = {}
  for (const [name, path] of Object.entries(LISTINGS)) {
    const reads: { ms: number; bytes: number }[] = []
    for (let i = 0; i < LISTING_SAMPLES; i++) reads.push(await timedRead(`${urls.web}${path}`, { web: urls.web, secret: revalidateSecret }))
    out[name] = { ms: percentile(reads.map((r) => r.ms), 50), bytes: reads.at(-1)!.bytes }
  }
  return out
}

/** A level that could not be measured: which, and why (the reason includes the CMS's last output). */
export interface GrowthFailure {
  articles: number
  message: string
}

export async function runGrowth(opts: {
  env: EnvVars
  urls: Urls
  pids: Record<string, number>
  keys: ScenarioKeys
  levels: number[]
  duration: number
  ids: readonly string[]
  workDir: string
  log: (line: string) => void
  /** The servers' recent output, for the reason of a failed level. */
  serverOutput: () => string
}): Promise<{ levels: GrowthLevel[]; failure?: GrowthFailure }> {
  const levels: GrowthLevel[] = []
  for (const level of opts.levels) {
    try {
      levels.push(await measureLevel(opts, level))
    } catch (err) {
      // The levels measured so far are still a report; the failed one is a missed target in it.
      const message = `${err instanceof Error ? err.message : String(err)}\n${opts.serverOutput()}`
      opts.log(`growth ${level}: failed: ${message}`)
      return { levels, failure: { articles: level, message } }
    }
  }
  return { levels }
}

async function measureLevel(opts: Parameters<typeof runGrowth>[0], level: number): Promise<GrowthLevel> {
  const scenarios: HttpScenario[] = httpScenarios(opts.keys).filter((s) => opts.ids.includes(s.id))
  let count = await publishedCount(opts.urls.cms)
  let generateMs = 0
  if (level > count) {
    opts.log(`growth: publishing ${level - count} more articles through the Local API...`)
    // Variant numbers start at 1: the bundled article itself is the first of the N.
    generateMs = await generate(opts.env, count, level)
    count = await publishedCount(opts.urls.cms)
    if (count !== level) throw new Error(`expected ${level} published articles, the API reports ${count}`)
    opts.log(`growth: ${count} articles (${(generateMs / 1000).toFixed(1)} s)`)
  }
  const uncachedMs = await uncachedCosts(scenarios, opts.urls, opts.env.REVALIDATE_SECRET!)
  const listings = await listingCosts(opts.urls, opts.env.REVALIDATE_SECRET!)
  opts.log(`growth ${level}: sitemap ${listings.sitemap!.ms.toFixed(0)} ms (${listings.sitemap!.bytes} bytes), feed ${listings.feed!.ms.toFixed(0)} ms (${listings.feed!.bytes} bytes) after a purge`)
  const search = await measureSearch(opts.urls.cms)
  opts.log(`growth ${level}: search p50 ${search.p50Ms.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms (${search.samples} queries)`)
  const { routes } = await warmAndCapture(scenarios, opts.urls)
  const baseline = await startBaseline(routes, opts.workDir)
  const baselines: Record<string, Measurement> = {}
  const results: Record<string, Measurement> = {}
  try {
    for (const s of scenarios) {
      const [base, result] = await measureInterleaved(
        [
          { ...baselineRequest(s), url: `${baseline.url}${s.baselinePath}`, pids: { baseline: baseline.pid } },
          { ...loadRequest(s), url: urlOf(s, opts.urls), pids: opts.pids },
        ],
        roundsFor(opts.duration),
        opts.duration / roundsFor(opts.duration),
      )
      baselines[s.id] = base!
      results[s.id] = result!
      opts.log(`growth ${level}: ${s.id} ${result!.requestsPerSec.toFixed(0)} req/s (${(result!.requestsPerSec / base!.requestsPerSec).toFixed(3)}x baseline)`)
    }
  } finally {
    await baseline.stop()
  }
  return { articles: level, generateMs, uncachedMs, results, baselines, search, listings }
}
