import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The tail every CLI entry point shares: when the file is run directly (not imported by a test),
 * run `main` with the user's arguments and exit with its code. An expected error (bad input) prints
 * as one `error:` line; anything else prints in full, stack included.
 */
export function runMain(moduleUrl: string, main: (argv: string[]) => Promise<number>, isExpected: (err: unknown) => err is Error): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(isExpected(err) ? `error: ${err.message}` : err)
      process.exit(1)
    },
  )
}
