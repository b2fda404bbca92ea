import type { Payload } from 'payload'
import { runTs, exitOf } from './processes'

/** The exit status of a command line tool whose start stalled (EX_TEMPFAIL): running it again is safe. */
export const STALLED_EXIT_CODE = 75
/**
 * Loading the modules and starting Payload takes seconds, and under a minute on 2 cores shared with
 * a CPU burner and other test runs; a stalled start never finishes. Two minutes tells them apart and
 * leaves a second attempt inside the callers' own deadlines.
 */
export const STARTUP_STALL_MS = 120_000

export class StartupStalled extends Error {}

/**
 * Fail a start that never finishes instead of hanging for good. On Node 20, a module loaded with
 * `import()` through the TypeScript loader (tsx's hooks, which run in a worker thread) was seen, a few
 * times in a hundred runs on busy cores, never to settle: the seed printed its parse result and then
 * sat idle until it was killed minutes later. Nothing has been written at that point, so the tool
 * exits with STALLED_EXIT_CODE and its callers run it once more (runAgainIfStalled).
 */
export async function withinStartup<T>(work: Promise<T>, ms = STARTUP_STALL_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupStalled(`loading the CMS modules and starting Payload did not finish within ${ms / 1000} s; nothing was written, run it again`)), ms)
  })
  try {
    return await Promise.race([work, stalled])
  } finally {
    clearTimeout(timer)
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
