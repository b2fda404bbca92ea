/**
 * Keep a server process running: when it dies on its own (a crash, an out-of-memory kill, a
 * SIGKILL), start it again after a backoff, so one server's crash never takes the other down.
 * The reader site keeps answering cached pages while the CMS restarts.
 *
 * A process that keeps dying is not retried forever: after `maxCrashes` exits within `windowMs`
 * the supervisor gives up and reports it, since a crash loop hides the cause behind restart noise.
 */
import type { ChildProcess } from 'node:child_process'
import { hasExited } from './processes'

export interface SupervisorOptions {
  /** Short name used in log lines: `cms`, `web`. */
  name: string
  /** The launcher's tag at the start of each log line (`start` for npm start). */
  tag?: string
  spawn: () => ChildProcess
  /** Resolves once a fresh process is serving; rejects when it is not. */
  ready: (child: ChildProcess) => Promise<void>
  maxCrashes?: number
  windowMs?: number
  /**
   * Delay before the n-th restart in a window: none for the first (a one-off crash should cost only
   * the cold start), then base * 2^(n-2), at most `maxBackoffMs`.
   */
  baseBackoffMs?: number
  maxBackoffMs?: number
  log?: (line: string) => void
  /** Called once when the crash budget is spent; the supervisor has stopped restarting. */
  onGiveUp: (reason: string) => void
}

export interface Supervisor {
  readonly child: ChildProcess
  /** Stop restarting and send `signal`; resolves when the current process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<void>
}

export const describeExit = (code: number | null, signal: NodeJS.Signals | null): string =>
  signal ? `killed by ${signal}` : `exit code ${code}`

export function supervise(o: SupervisorOptions): Supervisor {
  const maxCrashes = o.maxCrashes ?? 5
  const windowMs = o.windowMs ?? 60_000
  const base = o.baseBackoffMs ?? 500
  const cap = o.maxBackoffMs ?? 8_000
  const tag = `[${o.tag ?? 'start'}]`
  const log = o.log ?? ((line: string) => console.log(line))
  const crashes: number[] = []
  let stopping = false
  let restartTimer: NodeJS.Timeout | undefined
  let child = start()

  function start(): ChildProcess {
    const c = o.spawn()
    log(`${tag} ${o.name} pid ${c.pid}`)
    c.once('exit', (code, signal) => onExit(c, code, signal))
    return c
  }

  function onExit(c: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (stopping || c !== child) return
    const now = Date.now()
    crashes.push(now)
    while (crashes.length && crashes[0]! < now - windowMs) crashes.shift()
    const what = `${tag} ${o.name} (pid ${c.pid}) stopped unexpectedly: ${describeExit(code, signal)}`
    if (crashes.length >= maxCrashes) {
      stopping = true
      const reason = `${o.name} stopped ${crashes.length} times within ${windowMs / 1000} s (last: ${describeExit(code, signal)}); not restarting it again. See its output above for the cause.`
      log(what)
      o.onGiveUp(reason)
      return
    }
    const delay = crashes.length === 1 ? 0 : Math.min(cap, base * 2 ** (crashes.length - 2))
    log(`${what}; restarting in ${delay} ms (${crashes.length} of ${maxCrashes} allowed within ${windowMs / 1000} s)`)
    restartTimer = setTimeout(() => {
      if (stopping) return
      child = start()
      const fresh = child
      o.ready(fresh).then(
        () => log(`${tag} ${o.name} is back (pid ${fresh.pid})`),
        // A process that dies before it is ready is counted by its own exit handler; one that hangs is killed so it is.
        (err: unknown) => {
          log(`${tag} ${o.name} did not become ready: ${err instanceof Error ? err.message : String(err)}`)
          if (!hasExited(fresh)) fresh.kill('SIGKILL')
        },
      )
    }, delay)
  }

  return {
    get child() {
      return child
    },
    stop(signal = 'SIGTERM') {
      stopping = true
      clearTimeout(restartTimer)
      const c = child
      if (hasExited(c)) return Promise.resolve()
      return new Promise<void>((resolve) => {
        c.once('exit', () => resolve())
        c.kill(signal)
      })
    },
  }
}

/** Past this, processes still running are killed: an orchestrator's stop never waits on us longer than 10 s. */
const STOP_DEADLINE_MS = 9_000

/**
 * The launcher's way out, installed on SIGINT and SIGTERM: stop every supervised process (SIGTERM)
 * and whatever `alsoStop` stops, then exit with the code given; processes still running at the
 * deadline are killed. Only the first call counts.
 */
export function stopAllOnSignals(tag: string, supervisors: readonly Supervisor[], alsoStop: () => Promise<unknown> = async () => undefined): (exitCode: number) => Promise<void> {
  let stopping = false
  const stopAll = async (exitCode: number): Promise<void> => {
    if (stopping) return
    stopping = true
    const deadline = setTimeout(() => {
      for (const s of supervisors) if (!hasExited(s.child)) s.child.kill('SIGKILL')
      console.error(`[${tag}] processes still running after ${STOP_DEADLINE_MS / 1000} s were killed`)
      process.exit(exitCode || 1)
    }, STOP_DEADLINE_MS)
    await Promise.all([...supervisors.map((s) => s.stop('SIGTERM')), alsoStop()])
    clearTimeout(deadline)
    process.exit(exitCode)
  }
  process.on('SIGINT', () => void stopAll(0))
  process.on('SIGTERM', () => void stopAll(0))
  return stopAll
}
