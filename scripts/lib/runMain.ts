import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { STALLED_EXIT_CODE, StartupStalled } from './startup'

/**
 * The tail every CLI entry point shares: when the file is run directly (not imported by a test),
 * run `main` with the user's arguments and exit with its code. An expected error (bad input) prints
 * as one `error:` line; anything else prints in full, stack included. A stalled start (startup.ts)
 * exits with STALLED_EXIT_CODE, which callers take as "run it again".
 */
export function runMain(moduleUrl: string, main: (argv: string[]) => Promise<number>, isExpected: (err: unknown) => err is Error): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return
  // Held until main settles. Under heavy load a seed run was seen printing its parse warnings and
  // then stopping: Node found its event loop empty while main still awaited Payload's start (module
  // loading goes through the tsx loader's worker thread), and exited, with 0 before a beforeExit
  // guard made that exit 1 ("stopped before finishing"). Replays of the same document passed. A
  // ref'd timer keeps the process alive until main has really finished, so unfinished work can
  // neither look like success nor be cut short.
  const keepAlive = setInterval(() => undefined, 2 ** 30)
  main(process.argv.slice(2)).then(
    (code) => {
      clearInterval(keepAlive)
      exitAfterOutput(code)
    },
    (err: unknown) => {
      clearInterval(keepAlive)
      console.error(isExpected(err) || err instanceof StartupStalled ? `error: ${err.message}` : err)
      exitAfterOutput(err instanceof StartupStalled ? STALLED_EXIT_CODE : 1)
    },
  )
}

/**
 * process.exit() drops output still queued for a pipe (a busy reader, a full pipe buffer): a
 * caller would see the exit code without the result lines. An empty write's callback runs once
 * everything written before it is out.
 */
function exitAfterOutput(code: number): void {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()))
  void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(code))
}
