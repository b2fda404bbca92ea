/**
 * npm run admin:create -- --email you@example.org [--name "Your Name"]
 *
 * Creates an admin account directly in the database: how a deployment (DEPLOYMENT=1, where the
 * admin's own sign-up page is closed) gets its first admin, and how a locked-out operator gets back in.
 * The password is asked for on a terminal (not echoed) or read from the first line of stdin
 * (`printf '%s\n' "$PW" | npm run admin:create -- --email ...`); never from the command line, where
 * it would land in shell history and in every process listing.
 */
import readline from 'node:readline'
import { z } from 'zod'
import { runMain } from './lib/runMain'
import { openPayload } from './lib/startup'
import { USERS } from '../collections/slugs'

export class AdminCreateError extends Error {}

/** Payload's own minimum is 1; an admin password gets a real floor. */
const MIN_PASSWORD_LENGTH = 12
const Args = z.object({ email: z.email(), name: z.string().min(1).default('Admin') })

export function parseArgs(argv: string[]): z.infer<typeof Args> {
  const raw: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!
    if (flag === '--password' || flag.startsWith('--password=')) throw new AdminCreateError('the password is never taken from the command line: type it when asked, or pipe it on stdin')
    const match = /^--(email|name)(?:=(.*))?$/.exec(flag)
    if (!match) throw new AdminCreateError(`unknown argument "${flag}" (use --email <address> [--name <name>])`)
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new AdminCreateError(`--${match[1]} needs a value`)
    raw[match[1]!] = value
  }
  const parsed = Args.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new AdminCreateError(issue.path[0] === 'email' && raw.email === undefined ? '--email is required' : `--${String(issue.path[0])}: ${issue.message}`)
  }
  return parsed.data
}

/** One line from stdin: typed without echo on a terminal, else the first line of what was piped in. */
export async function readPassword(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!input.isTTY) {
    const rl = readline.createInterface({ input, terminal: false })
    for await (const line of rl) {
      rl.close()
      return line
    }
    return ''
  }
  output.write('Password for the new admin: ')
  input.setRawMode(true)
  input.resume()
  input.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let typed = ''
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed))
        if (ch === '\u0003') return done(() => reject(new AdminCreateError('cancelled')))
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1)
        else typed += ch
      }
    }
    const done = (settle: () => void) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      output.write('\n')
      settle()
    }
    input.on('data', onData)
  })
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  const password = await readPassword()
  if (password.length < MIN_PASSWORD_LENGTH) throw new AdminCreateError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`)

  // Imported only now: bad arguments never open the database.
  const payload = await openPayload()
  try {
    const existing = await payload.count({ collection: USERS, where: { email: { equals: args.email } }, overrideAccess: true })
    if (existing.totalDocs > 0) throw new AdminCreateError(`a user with the email ${args.email} already exists`)
    const user = await payload.create({ collection: USERS, data: { email: args.email, password, name: args.name, role: 'admin' }, overrideAccess: true })
    console.log(`created admin ${user.email} (id ${user.id}); sign in at ${payload.config.serverURL}/admin`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runMain(import.meta.url, main, (err): err is AdminCreateError => err instanceof AdminCreateError)
