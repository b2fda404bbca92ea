/**
 * The system under test: both production servers on free ports with a fresh database, started by
 * the same helpers the integration tests use, with the bundled article seeded and published the
 * way `npm start` does it (CMS up, then the seed CLI, then the reader site).
 */
import fs from 'node:fs'
import { baseEnv, runSeed, startCms, startWeb, type EnvVars, type Running } from '../scripts/lib/stack'

export const BUNDLED_SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'

/** Load from one address must not trip the API rate limiter (it would turn into 429 "errors"). */
export const BENCH_LIMITS: EnvVars = { RATE_LIMIT_API_MAX: '1000000000', RATE_LIMIT_LOGIN_MAX: '1000000', PAGE_CACHE_MISSES_PER_MINUTE: '1000000000' }

/** The servers' heap bounds as the bench was started with them (`CMS_HEAP_MB=320 npm run bench`), else the defaults. */
const heapBounds = (): EnvVars => ({ CMS_HEAP_MB: process.env.CMS_HEAP_MB, WEB_HEAP_MB: process.env.WEB_HEAP_MB })

export interface SeedTiming {
  /** The CLI's own "done in N ms": the writes, after Payload is up. */
  doneMs: number
  /** The whole CLI run: process start, Payload init, parse, writes, shutdown. */
  wallMs: number
}

export interface BenchStack {
  dataDir: string
  env: EnvVars
  cms: Running
  web: Running
  slug: string
  /** `noop` is absent when the second run was not asked for. */
  seed: { cold: SeedTiming; noop?: SeedTiming }
  stop: () => Promise<void>
}

export async function timedSeed(env: EnvVars, args: string[]): Promise<SeedTiming & { stdout: string }> {
  const started = Date.now()
  const result = await runSeed(env, args)
  const wallMs = Date.now() - started
  if (result.code !== 0) throw new Error(`seed ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`)
  const done = /done in (\d+) ms/.exec(result.stdout)
  if (!done) throw new Error(`seed printed no "done in N ms" line:\n${result.stdout.slice(-2000)}`)
  return { doneMs: Number(done[1]), wallMs, stdout: result.stdout }
}

/**
 * `cmsEnv` and `webEnv` are added to one server's environment only (not the seed's): the place for
 * NODE_OPTIONS=--cpu-prof when profiling. `noopSeed: false` skips timing a second, no-op seed run.
 */
export async function startBenchStack(opts: { cmsEnv?: EnvVars; webEnv?: EnvVars; noopSeed?: boolean } = {}): Promise<BenchStack> {
  const { dataDir, env } = await baseEnv({ ...BENCH_LIMITS, ...heapBounds() })
  const running: Running[] = []
  const stopAll = async () => {
    await Promise.all(running.map((r) => r.stop()))
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const cms = await startCms({ ...env, ...opts.cmsEnv })
    running.push(cms)
    const cold = await timedSeed(env, ['--publish'])
    const noop = opts.noopSeed === false ? undefined : await timedSeed(env, ['--publish'])
    if (noop && !noop.stdout.includes('unchanged')) throw new Error(`the second seed run was expected to change nothing:\n${noop.stdout}`)
    const web = await startWeb({ ...env, ...opts.webEnv })
    running.push(web)
    return { dataDir, env, cms, web, slug: BUNDLED_SLUG, seed: { cold, noop }, stop: stopAll }
  } catch (err) {
    await stopAll()
    throw err
  }
}
