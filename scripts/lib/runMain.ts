import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The tail every CLI entry point shares: when the file is run directly (not imported by a test),
 * run `main` with the user's arguments and exit with its code. An expected error (bad input) prints
 * as one `error:` line; anything else prints in full, stack included.
 */
export function runMain(moduleUrl: string, main: (argv: string[]) => Promise<number>, isExpected: (err: unknown) => err is Error): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return
  // Node exits 0, silently, when nothing is left to wake a pending promise. Unfinished work must
  // not look like success to a caller that checks the exit code.
  process.once('beforeExit', () => {
    console.error('error: stopped before finishing (nothing left to wait on); nothing after the last line above was done')
    process.exitCode = 1
  })
  main(process.argv.slice(2)).then(
    (code) => exitAfterOutput(code),
    (err: unknown) => {
      console.error(isExpected(err) ? `error: ${err.message}` : err)
      exitAfterOutput(1)
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
