import type { Payload } from 'payload'
import { runTs, exitOf } from './processes'

/** The exit status of a command line tool whose start stalled (EX_TEMPFAIL): running it again is safe. */
export const STALLED_EXIT_CODE = 75

/**
 * A start that is only slow keeps the CPU busy (loading, compiling, connecting); a stalled one is
 * idle. So a start counts as stalled when the process has used almost no CPU time over a whole
 * window, however busy the machine: on 2 cores shared with a CPU burner a working start still uses
 * seconds of CPU in that time, a stalled one a few milliseconds.
 */
export const STALL_WINDOW_MS = 15_000
const STALL_CPU_MS = 50
const CHECK_EVERY_MS = 1_000
/**
 * What an idle process still holds: timers, stdio, the loader's message port. Anything else (a
 * socket to MongoDB, a DNS lookup, a file read) is a wait on I/O, which is not a stall: a database
 * that cannot be reached must fail with its own error.
 */
const IDLE_RESOURCES = new Set(['Timeout', 'Immediate', 'TTYWrap', 'PipeWrap', 'MessagePort', 'SignalWrap', 'ProcessWrap'])
const waitingOnIo = () => process.getActiveResourcesInfo().some((kind) => !IDLE_RESOURCES.has(kind))

export class StartupStalled extends Error {}

type StallCheck = { windowMs?: number; cpuMs?: number; everyMs?: number }

/**
 * Fail a start that never finishes instead of hanging for good. On Node 20, a module loaded with
 * `import()` through the TypeScript loader (tsx's hooks, which run in a worker thread) was seen, a few
 * times in a hundred runs on busy cores, never to settle: the seed printed its parse result and then
 * sat idle until it was killed minutes later. Nothing has been written at that point, so the tool
 * exits with STALLED_EXIT_CODE and its callers run it once more (runAgainIfStalled).
 */
export async function withinStartup<T>(work: Promise<T>, { windowMs = STALL_WINDOW_MS, cpuMs = STALL_CPU_MS, everyMs = CHECK_EVERY_MS }: StallCheck = {}): Promise<T> {
  const cpu = () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  const samples: { at: number; cpu: number }[] = [{ at: Date.now(), cpu: cpu() }]
  let timer: NodeJS.Timeout | undefined
  const stalled = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const now = { at: Date.now(), cpu: cpu() }
      samples.push(now)
      while (samples.length > 2 && now.at - samples[1]!.at >= windowMs) samples.shift()
      const first = samples[0]!
      if (now.at - first.at >= windowMs && now.cpu - first.cpu < cpuMs && !waitingOnIo()) {
        reject(new StartupStalled(`loading the CMS modules and starting Payload stalled (${Math.round(now.cpu - first.cpu)} ms of CPU in the last ${Math.round((now.at - first.at) / 1000)} s); nothing was written, run it again`))
      }
    }, everyMs)
  })
  try {
    return await Promise.race([work, stalled])
  } finally {
    clearInterval(timer)
  }
}

/** Payload with the project's config, for a command line tool (see withinStartup). */
export function openPayload(): Promise<Payload> {
  return withinStartup(
    (async () => {
      const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../payload.config')])
      return getPayload({ config })
    })(),
  )
}

/** Run a TypeScript entry point to its exit, once more if its start stalled; resolves with its exit code. */
export async function runAgainIfStalled(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const code = await exitOf(runTs(entry, args, env))
  if (code !== STALLED_EXIT_CODE) return code
  console.error(`[${entry}] its start stalled; running it again`)
  return exitOf(runTs(entry, args, env))
}
