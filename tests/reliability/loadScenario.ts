/**
 * Readers under load while an editor publishes: the whole proof on a fresh stack.
 *
 *   runLoadScenario(...)  seed, warm up, load (bench/load.ts runLoad), check the last edit is what
 *                         readers get, and watch both servers' RSS settle back.
 *   CLI                   tsx tests/reliability/loadScenario.ts [--duration 60] [--concurrency 200]
 *                         [--publishes 10] [--settle 90] [--json out.json]; exit 1 when any check
 *                         fails. This runs the full variant; `npm test` runs a short one (load.test.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, type Session } from '../../scripts/lib/restApi'
import { runLoad, type LoadResult } from '../../bench/load'
import { articleRefs, bySlug, KETAMINE_SLUG, publishIntro, rssMb, sleep } from './support'

export interface ScenarioOptions {
  concurrency: number
  durationMs: number
  publishes: number
  /** Readers' warm-up before the memory baseline is taken (JIT, caches and heaps at working size). */
  warmupMs?: number
  /** How long RSS may take to come back within `rssTolerance` of the baseline after the run. */
  settleMs?: number
  rssTolerance?: number
  log?: (line: string) => void
}

export interface MemoryFigures {
  /** Right after start-up and seeding, before any reader. */
  coldMb: number | null
  /** Highest RSS over 3 s of idle after the warm-up: the "pre-load level" the check compares against. */
  baselineMb: number | null
  peakMb: number | null
  /** When the check passed, or when the settle period ran out. */
  afterMb: number | null
  settledAfterMs: number | null
}

export interface ScenarioReport {
  options: Required<Omit<ScenarioOptions, 'log'>>
  load: LoadResult
  lastEdit: string
  /** The stored section, read past every cache: tells a lost write from a stale cache. */
  lastEditStored: boolean
  lastEditInApi: boolean
  lastEditOnPage: boolean
  olderEditsOnPage: string[]
  memory: { cms: MemoryFigures; web: MemoryFigures }
  problems: string[]
}

/** A fresh stack, the bundled article published, an editor; everything a load run needs. */
async function prepare(): Promise<{ stack: Stack; editor: Session }> {
  // All readers share one loopback address, and the limit is per address: lift it for this run.
  const stack = await startStack({ web: true, env: { RATE_LIMIT_API_MAX: '100000000' } })
  try {
    const seeded = await runSeed(stack.env, ['--publish'])
    if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`)
    const admin = await createFirstAdmin(stack.cms.url)
    const editor = await createUser(stack.cms.url, admin, 'editor')
    return { stack, editor }
  } catch (err) {
    await stack.stop()
    throw err
  }
}

export async function runLoadScenario(input: ScenarioOptions): Promise<ScenarioReport> {
  const options = { warmupMs: 2_000, settleMs: 30_000, rssTolerance: 0.2, ...input }
  const log = input.log ?? (() => undefined)
  const { stack, editor } = await prepare()
  const cmsUrl = stack.cms.url
  const webUrl = stack.web!.url
  const pids = { cms: stack.cms.child.pid, web: stack.web!.child.pid }
  const memory = {
    cms: { coldMb: rssMb(pids.cms), baselineMb: null, peakMb: null, afterMb: null, settledAfterMs: null } as MemoryFigures,
    web: { coldMb: rssMb(pids.web), baselineMb: null, peakMb: null, afterMb: null, settledAfterMs: null } as MemoryFigures,
  }
  try {
    const article = await articleRefs(cmsUrl, KETAMINE_SLUG)
    const runId = Date.now().toString(36)
    const edit = (i: number) => `Load edit ${i + 1} of ${options.publishes} (run ${runId}): the evidence base, revised.`

    log(`warm-up: ${options.concurrency} readers for ${options.warmupMs} ms`)
    await runLoad({ cmsUrl, webUrl, slug: KETAMINE_SLUG, concurrency: options.concurrency, durationMs: options.warmupMs, publishes: 0, publish: async () => undefined })
    // The pre-load level: the highest RSS seen over 3 s of idling after the warm-up. RSS moves by
    // tens of MB as V8 grows and trims its heap on its own schedule, and nothing here can force a
    // GC in the servers, so a single sample would make the 20% check a coin toss.
    for (let i = 0; i < 6; i++) {
      await sleep(500)
      for (const name of ['cms', 'web'] as const) {
        const now = rssMb(pids[name])
        if (now !== null) memory[name].baselineMb = Math.max(memory[name].baselineMb ?? 0, now)
      }
    }
    log(`baseline RSS: cms ${memory.cms.baselineMb} MB, web ${memory.web.baselineMb} MB`)

    const samplePeak = () => {
      for (const name of ['cms', 'web'] as const) {
        const now = rssMb(pids[name])
        if (now !== null) memory[name].peakMb = Math.max(memory[name].peakMb ?? 0, now)
      }
    }
    log(`load: ${options.concurrency} readers for ${options.durationMs} ms, ${options.publishes} publishes`)
    const load = await runLoad({
      cmsUrl,
      webUrl,
      slug: KETAMINE_SLUG,
      concurrency: options.concurrency,
      durationMs: options.durationMs,
      publishes: options.publishes,
      publish: (i) => publishIntro(cmsUrl, editor, article, edit(i)),
      onTick: samplePeak,
    })
    samplePeak()

    const lastEdit = edit(options.publishes - 1)
    const stored = await (await fetch(`${cmsUrl}/api/sections/${article.introId}?depth=0`, { headers: auth(editor) })).json() as { body?: unknown }
    const lastEditStored = JSON.stringify(stored.body ?? null).includes(lastEdit)
    const api = await bySlug(cmsUrl, KETAMINE_SLUG)
    const page = await (await fetch(`${webUrl}/articles/${KETAMINE_SLUG}`)).text()
    const olderEditsOnPage = Array.from({ length: options.publishes - 1 }, (_, i) => edit(i)).filter((e) => page.includes(e))

    // Settle: poll until both servers are back within tolerance, or the settle period runs out.
    // V8 keeps the heap it grew during a burst (publishes make every cached reader miss at once)
    // until its memory reducer compacts it, on its own schedule: measured here, 15 to 60+ s after
    // the load. Waiting is the honest measure; the servers expose no way to force a GC.
    const settleStart = Date.now()
    const within = (m: MemoryFigures, now: number | null) => m.baselineMb !== null && now !== null && now <= m.baselineMb * (1 + options.rssTolerance)
    for (;;) {
      const now = { cms: rssMb(pids.cms), web: rssMb(pids.web) }
      for (const name of ['cms', 'web'] as const) {
        memory[name].afterMb = now[name]
        if (memory[name].settledAfterMs === null && within(memory[name], now[name])) memory[name].settledAfterMs = Date.now() - settleStart
      }
      if ((within(memory.cms, now.cms) && within(memory.web, now.web)) || Date.now() - settleStart >= options.settleMs) break
      await sleep(1_000)
    }

    const problems: string[] = []
    if (load.failures > 0) problems.push(`${load.failures} failed requests: ${JSON.stringify(load.targets.map((t) => [t.name, t.statuses, t.errors]))}`)
    if (load.publishes.failed.length > 0) problems.push(...load.publishes.failed)
    if (load.publishes.done !== options.publishes) problems.push(`${load.publishes.done}/${options.publishes} publishes completed`)
    if (!lastEditStored) problems.push('the last edit is not in the database')
    const lastEditInApi = api.sections[0]?.text === lastEdit
    const lastEditOnPage = page.includes(lastEdit)
    if (!lastEditInApi) problems.push(`by-slug intro is not the last edit: ${JSON.stringify(api.sections[0]?.text)}`)
    if (!lastEditOnPage) problems.push('the reader page does not show the last edit')
    if (olderEditsOnPage.length > 0) problems.push(`the reader page still shows older edits: ${olderEditsOnPage.join(' | ')}`)
    for (const name of ['cms', 'web'] as const) {
      const m = memory[name]
      if (!within(m, m.afterMb)) problems.push(`${name} RSS ${m.afterMb} MB did not return within ${options.rssTolerance * 100}% of ${m.baselineMb} MB in ${options.settleMs} ms (peak ${m.peakMb} MB)`)
    }
    return { options: { concurrency: options.concurrency, durationMs: options.durationMs, publishes: options.publishes, warmupMs: options.warmupMs, settleMs: options.settleMs, rssTolerance: options.rssTolerance }, load, lastEdit, lastEditStored, lastEditInApi, lastEditOnPage, olderEditsOnPage, memory, problems }
  } finally {
    await stack.stop()
  }
}

export function formatReport(r: ScenarioReport): string {
  const lines = [
    `load: ${r.options.concurrency} readers, ${r.load.durationMs} ms, ${r.load.requests} requests (${r.load.requestsPerSecond}/s), ${r.load.failures} failed`,
    ...r.load.targets.map((t) => `  ${t.name}: ${t.readers} readers, ${t.requests} requests, ${t.failures} failed, statuses ${JSON.stringify(t.statuses)}, p50 ${t.latencyMs.p50} ms, p99 ${t.latencyMs.p99} ms, max ${t.latencyMs.max} ms`),
    `publishes: ${r.load.publishes.done}/${r.options.publishes}, latency ms ${JSON.stringify(r.load.publishes.latencyMs)}`,
    `last edit stored: ${r.lastEditStored}, in API: ${r.lastEditInApi}, on page: ${r.lastEditOnPage}, older edits on page: ${r.olderEditsOnPage.length}`,
    ...(['cms', 'web'] as const).map((n) => {
      const m = r.memory[n]
      return `${n} RSS MB: cold ${m.coldMb}, baseline ${m.baselineMb}, peak ${m.peakMb}, after ${m.afterMb} (${m.settledAfterMs === null ? 'not settled' : `within tolerance after ${m.settledAfterMs} ms`})`
    }),
    r.problems.length === 0 ? 'result: OK' : `result: FAILED\n  ${r.problems.join('\n  ')}`,
  ]
  return lines.join('\n')
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`)
  return i === -1 ? undefined : argv[i + 1]
}

async function main(argv: string[]): Promise<number> {
  const num = (name: string, fallback: number) => {
    const raw = argValue(argv, name)
    const value = raw === undefined ? fallback : Number(raw)
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`)
    return value
  }
  const report = await runLoadScenario({
    concurrency: num('concurrency', 200),
    durationMs: num('duration', 60) * 1000,
    publishes: num('publishes', 10),
    settleMs: num('settle', 90) * 1000,
    log: (line) => console.log(`[load] ${line}`),
  })
  console.log(formatReport(report))
  const out = argValue(argv, 'json')
  if (out) fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n')
  return report.problems.length === 0 ? 0 : 1
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    },
  )
}
