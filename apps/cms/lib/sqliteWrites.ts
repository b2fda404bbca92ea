/**
 * SQLite writes under concurrency.
 *
 * SQLite has one writer per database file. Payload's SQLite adapter (libsql) opens a transaction
 * with BEGIN IMMEDIATE on the client's current connection and then opens a fresh connection for
 * everything else, without the busy timeout the adapter set on the first one. Two things follow,
 * both measured: parallel writes fail at once with SQLITE_BUSY, and a write that does wait blocks
 * the whole event loop inside the driver (libsql is synchronous), so the transaction it waits for,
 * which belongs to this same process, cannot finish: every write then fails until the timeout.
 *
 * So writes from this process take turns before they reach the driver: a transaction waits (without
 * blocking the event loop) for its turn, then begins with the write lock taken up front, and gives
 * the turn back on commit or rollback. Plain writes outside a transaction take a turn each. Only a
 * lock held by another process (a seed, an import) is waited for inside the driver, for the busy
 * timeout per attempt, with a few attempts. A turn not granted within `writeWaitMs` fails as a 503
 * (the request can be retried), never as a lock-up, and /readyz reports it.
 */
import { APIError, type DatabaseAdapterObj } from 'payload'
import { WRITE_BUSY_MESSAGE, WriteBusyError, WriteQueue, writeQueues, type Release } from './sqliteWriteQueue'

export { sqliteWriteProblem } from './sqliteWriteQueue'

export interface SqliteWriteOptions {
  /** Path of the database file: one queue per file per process. */
  file: string
  /** Longest wait for this process's turn to write. */
  writeWaitMs: number
  /** Longest wait inside the driver for a lock held by another process, per attempt. */
  busyTimeoutMs: number
  /** Attempts at BEGIN IMMEDIATE while another process holds the lock. */
  beginAttempts?: number
}

const busyError = () => new APIError(WRITE_BUSY_MESSAGE, 503, undefined, true)

const isBusy = (err: unknown): boolean => {
  for (let e: unknown = err, i = 0; e instanceof Error && i < 5; e = e.cause, i++) {
    if (/SQLITE_BUSY|database is locked/i.test(`${(e as { code?: string }).code ?? ''} ${e.message}`)) return true
  }
  return false
}
// ANALYZE writes too: it replaces the planner's statistics (plannerStatistics.ts).
const WRITE_STATEMENT = /^\s*(insert|update|delete|replace|analyze)\b/i
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type Statement = string | { sql: string }
interface LibsqlClient {
  execute(stmt: Statement, args?: unknown): Promise<unknown>
  batch(stmts: Statement[], mode?: string): Promise<unknown>
  transaction(mode?: string): Promise<unknown>
}
type Adapter = ReturnType<DatabaseAdapterObj['init']> & {
  client: LibsqlClient
  connect?: (options?: unknown) => Promise<void>
}

/** Wraps Payload's SQLite adapter so this process's writes take turns (see the file header). */
export function serializeSqliteWrites(adapterObj: DatabaseAdapterObj, options: SqliteWriteOptions): DatabaseAdapterObj {
  const { file, writeWaitMs, busyTimeoutMs, beginAttempts = 3 } = options
  let queue = writeQueues.get(file)
  if (!queue) writeQueues.set(file, (queue = new WriteQueue(writeWaitMs)))
  const writes = queue
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as Adapter
      const { beginTransaction, commitTransaction, rollbackTransaction, connect } = adapter
      const turns = new Map<string, Release>()

      adapter.connect = async function (this: Adapter, connectOptions?: unknown) {
        await connect!.call(this, connectOptions)
        patchClient(this.client, writes, busyTimeoutMs, beginAttempts)
      }
      adapter.beginTransaction = async function (this: Adapter, ...rest) {
        const release = await writes.acquire().catch((err: unknown) => {
          throw err instanceof WriteBusyError ? busyError() : err
        })
        try {
          const id = await beginTransaction.apply(this, rest)
          if (id !== null) turns.set(String(id), release)
          else release()
          return id
        } catch (err) {
          release()
          if (isBusy(err)) {
            writes.failed()
            throw busyError()
          }
          throw err
        }
      }
      const finish = (end: typeof commitTransaction, committed: boolean) =>
        async function (this: Adapter, incoming: Parameters<typeof commitTransaction>[0]) {
          const id = String(incoming instanceof Promise ? await incoming : incoming)
          try {
            await end.call(this, id)
            if (committed) writes.succeeded()
          } finally {
            turns.get(id)?.()
            turns.delete(id)
          }
        }
      adapter.commitTransaction = finish(commitTransaction, true)
      adapter.rollbackTransaction = finish(rollbackTransaction, false)
      return adapter
    },
  }
}

const patched = new WeakSet<object>()

function patchClient(client: LibsqlClient, writes: WriteQueue, busyTimeoutMs: number, beginAttempts: number): void {
  if (patched.has(client)) return
  patched.add(client)
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  const transaction = client.transaction.bind(client)
  // Every connection libsql opens starts with no busy timeout; give each one ours.
  const prime = () => execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)

  client.transaction = async (mode) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await prime() // the connection the transaction is about to take
        const tx = await transaction(mode)
        await prime() // the fresh one libsql opened for everything else
        return tx
      } catch (err) {
        if (!isBusy(err) || attempt >= beginAttempts) throw err
        await sleep(50 * attempt)
      }
    }
  }
  const sqlOf = (stmt: Statement) => (typeof stmt === 'string' ? stmt : stmt.sql)
  const inTurn = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await writes.acquire().catch((err: unknown) => {
      throw err instanceof WriteBusyError ? busyError() : err
    })
    try {
      return await run()
    } finally {
      release()
    }
  }
  client.execute = (stmt, args) => (WRITE_STATEMENT.test(sqlOf(stmt)) ? inTurn(() => execute(stmt, args)) : execute(stmt, args))
  client.batch = (stmts, mode) => (stmts.some((s) => WRITE_STATEMENT.test(sqlOf(s))) ? inTurn(() => batch(stmts, mode)) : batch(stmts, mode))
  void prime()
}
