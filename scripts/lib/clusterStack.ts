/**
 * `npm run cluster` (scripts/cluster.ts) as a child process on free ports and a fresh database,
 * for the cluster test and the cluster benchmark: its public URLs (nginx), each instance's own
 * port and pid, read from its log lines, and a way to wait for later log lines (a restart).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { repoRoot } from '../../src/env'
import { hasExited, nodeArgs } from './processes'
import { baseEnv, type EnvVars } from './stack'

export type ClusterInstance = { name: string; port: number; pid: number }

export interface ClusterStack {
  env: EnvVars
  /** nginx in front of the reader instances and of the CMS instances. */
  webUrl: string
  cmsUrl: string
  /** cms-1, cms-2, web-1, web-2; a restart updates the pid. */
  instances: Map<string, ClusterInstance>
  nginxPid: number
  child: ChildProcess
  /** Everything the cluster printed so far. */
  output: () => string
  /** Wait for a line matching `pattern` printed after offset `from` of output(). */
  waitForLine: (pattern: RegExp, timeoutMs: number, from?: number) => Promise<RegExpExecArray>
  /** SIGTERM, as Ctrl-C would; resolves with the exit code and how long the stop took. */
  stop: () => Promise<{ code: number | null; afterMs: number }>
  /** Kill everything at once and remove the database (after a failed or finished run). */
  destroy: () => void
}

const READY_MS = 400_000

/** What an instance serves right now, read directly (not through nginx): its article page or by-slug answer. */
export async function servedBy(instance: ClusterInstance, slug: string): Promise<string> {
  const url = instance.name.startsWith('web') ? `http://127.0.0.1:${instance.port}/articles/${slug}` : `http://127.0.0.1:${instance.port}/api/articles/by-slug/${slug}`
  const res = await fetch(url)
  return res.ok ? res.text() : `HTTP ${res.status}`
}

/**
 * Poll every instance until each serves `text`; returns, per instance, the milliseconds from `since`
 * (a performance.now() time) to the first answer that had it.
 */
export async function everyInstanceServes(cluster: Pick<ClusterStack, 'instances'>, slug: string, text: string, since: number, timeoutMs = 20_000): Promise<Record<string, number>> {
  const seenAfter: Record<string, number> = {}
  const deadline = performance.now() + timeoutMs
  await Promise.all(
    [...cluster.instances.values()].map(async (instance) => {
      while (performance.now() < deadline) {
        if ((await servedBy(instance, slug).catch(() => '')).includes(text)) {
          seenAfter[instance.name] = performance.now() - since
          return
        }
        await new Promise((r) => setTimeout(r, 20))
      }
    }),
  )
  const missing = [...cluster.instances.keys()].filter((name) => !(name in seenAfter))
  if (missing.length) throw new Error(`after ${timeoutMs} ms ${missing.join(', ')} still do not serve "${text}" (others: ${JSON.stringify(seenAfter)})`)
  return seenAfter
}

export async function startClusterStack(extra: EnvVars = {}): Promise<ClusterStack> {
  // The test stack's environment (fresh database, test secrets, the MongoDB lane when it is on); its two
  // free ports become nginx's, and cluster.ts gives every instance a port of its own.
  const { dataDir, env, cmsPort, webPort } = await baseEnv({
    // The first CMS runs scheduled jobs, as `npm run cluster` does by default.
    JOBS_AUTORUN: 'true',
    // Every reader comes from one address here; the limits are per client and would throttle the run, not a crowd.
    RATE_LIMIT_API_MAX: '1000000000',
    PAGE_CACHE_MISSES_PER_MINUTE: '1000000000',
    ...extra,
  })
  Object.assign(env, { CLUSTER_WEB_PORT: String(webPort), CLUSTER_CMS_PORT: String(cmsPort) })
  const [webUrl, cmsUrl] = [env.WEB_URL!, env.CMS_URL!]
  const child = spawn(process.execPath, nodeArgs('scripts/cluster.ts', env), { cwd: repoRoot, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  const keep = (b: Buffer) => (log += b.toString())
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)

  const waitForLine = async (pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpExecArray> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const match = pattern.exec(log.slice(from))
      if (match) return match
      if (hasExited(child)) throw new Error(`npm run cluster exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${log.slice(-4000)}`)
      if (Date.now() > deadline) throw new Error(`no ${pattern} in the cluster's output after ${timeoutMs} ms:\n${log.slice(-4000)}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const instances = new Map<string, ClusterInstance>()
  const signal = (pid: number, sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig)
    } catch {
      // already gone
    }
  }
  const destroy = () => {
    // nginx's master stops its workers on SIGTERM; SIGKILLed, it would leave them running.
    if (nginxPid) signal(nginxPid, 'SIGTERM')
    if (!hasExited(child)) child.kill('SIGKILL')
    for (const i of instances.values()) signal(i.pid, 'SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  let nginxPid = 0
  try {
    await waitForLine(/\[cluster\] ready:/, READY_MS)
  } catch (err) {
    nginxPid = Number(/\[cluster\] nginx on .* \(pid (\d+)\)/.exec(log)?.[1] ?? 0)
    destroy()
    throw err
  }
  for (const m of log.matchAll(/\[cluster\] (\w+-\d+) ready on 127\.0\.0\.1:(\d+) \(pid (\d+)\)/g)) instances.set(m[1]!, { name: m[1]!, port: Number(m[2]), pid: Number(m[3]) })
  nginxPid = Number((await waitForLine(/\[cluster\] nginx on .* \(pid (\d+)\)/, 0))[1])

  const stop = () =>
    new Promise<{ code: number | null; afterMs: number }>((resolve) => {
      const started = Date.now()
      const done = (code: number | null) => {
        fs.rmSync(dataDir, { recursive: true, force: true })
        resolve({ code, afterMs: Date.now() - started })
      }
      if (hasExited(child)) return done(child.exitCode)
      child.once('exit', (code) => done(code))
      child.kill('SIGTERM')
    })
  return { env, webUrl, cmsUrl, instances, nginxPid, child, output: () => log, waitForLine, stop, destroy }
}
