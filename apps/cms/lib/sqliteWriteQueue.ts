/**
 * The turn-taking behind apps/cms/lib/sqliteWrites.ts, apart from the adapter so express can ask
 * whether writes are failing (for /readyz) without loading Payload.
 */
export const WRITE_BUSY_MESSAGE = 'The database is busy with other writes. Retry shortly.'

/** A failure with no successful write since counts for this long. */
const RECENT_FAILURE_MS = 10_000

export type Release = () => void

export class WriteBusyError extends Error {
  override name = 'WriteBusyError'
}

/** FIFO turn-taking with a bounded wait; also what /readyz asks about. */
export class WriteQueue {
  private held = false
  private heldSince = 0
  private readonly waiting: Array<{ grant: (release: Release) => void }> = []
  private failedAt = Number.NEGATIVE_INFINITY
  private succeededAt = Number.NEGATIVE_INFINITY

  constructor(private readonly waitMs: number) {}

  acquire(): Promise<Release> {
    if (!this.held) {
      this.held = true
      this.heldSince = Date.now()
      return Promise.resolve(this.releaser())
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: (release: Release) => {
          clearTimeout(timer)
          resolve(release)
        },
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1)
        this.failed()
        reject(new WriteBusyError(WRITE_BUSY_MESSAGE))
      }, this.waitMs)
      this.waiting.push(waiter)
    })
  }

  failed(): void {
    this.failedAt = Date.now()
  }

  succeeded(): void {
    this.succeededAt = Date.now()
  }

  /** Why writes are failing right now, or null. */
  problem(now = Date.now()): string | null {
    if (this.held && now - this.heldSince > this.waitMs) return `one write has held the database for ${Math.round((now - this.heldSince) / 1000)} s`
    if (this.failedAt > this.succeededAt && now - this.failedAt < RECENT_FAILURE_MS) return 'writes are failing: the database stayed locked longer than the write wait'
    return null
  }

  /** Hands the turn straight to the next waiter, or frees it. Idempotent. */
  private releaser(): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (!next) {
        this.held = false
        return
      }
      this.heldSince = Date.now()
      next.grant(this.releaser())
    }
  }
}

// One queue per database file per process. On globalThis: Next bundles the config into its own
// module graph, and express (same process) must see the same queue for /readyz.
const KEY = Symbol.for('tripsitter.sqliteWrites')
const g = globalThis as unknown as Record<symbol, Map<string, WriteQueue> | undefined>
export const writeQueues = (g[KEY] ??= new Map())

/** Why SQLite writes in this process are failing now, or null (also null without SQLite). */
export function sqliteWriteProblem(): string | null {
  for (const queue of writeQueues.values()) {
    const problem = queue.problem()
    if (problem) return problem
  }
  return null
}

