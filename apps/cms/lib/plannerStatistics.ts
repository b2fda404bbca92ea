/**
 * SQLite's query-planner statistics (`sqlite_stat1`), kept current while the CMS runs.
 *
 * Without statistics SQLite guesses, and its guess favours an index that already returns rows in
 * the order asked for. The compound `(_status, createdAt)` indexes that let a published list stop
 * after its first page (collections/publishedListIndexes.ts) then beat the primary key and the
 * foreign-key indexes in every query that also filters by id or by parent, and SQLite walks every
 * published row looking for a handful. Measured at 10,000 articles: the query for an article's
 * sections by id (every article page) took 9 ms instead of 0.04 ms, the one behind
 * `GET /api/sections?where[article][equals]=` 65 ms instead of 0.03 ms (112 ms instead of 17 ms for
 * the whole request). With statistics the planner knows `_status` matches nearly every row.
 *
 * ANALYZE samples each index (`analysis_limit`) rather than reading it whole: about 20 ms at
 * 10,000 articles. It runs once the CMS is up, then again after the content revision moved (a
 * write in any process), at most once per `minIntervalMs`, so statistics gathered on a nearly
 * empty database do not outlive its growth. It waits for writes to pause (QUIET_MS): ANALYZE needs
 * the write lock, and libsql waits for a lock another process holds (an import committing article
 * after article) inside the driver, with this process's event loop blocked meanwhile. A run of
 * writes that never pauses is analyzed anyway after MAX_DEFER_MS. MongoDB's planner races
 * candidate plans itself and needs none of this.
 */
import type { Payload } from 'payload'
import { contentRevision } from './contentRevision'

/** Rows ANALYZE samples per index; SQLite's documentation suggests a few hundred to a thousand. */
const ANALYSIS_LIMIT = 1000
/** How long the content revision must stand still before ANALYZE takes the write lock. */
const QUIET_MS = 2_000
/** The longest a moved revision waits for writes to pause. */
const MAX_DEFER_MS = 5 * 60_000

type StatementClient = { batch(statements: string[], mode?: string): Promise<unknown> }

/** Gathers fresh statistics; one batch, so the limit applies on the connection that analyzes. */
export async function analyze(payload: Payload): Promise<void> {
  const client = (payload.db as unknown as { client?: StatementClient }).client
  if (!client) throw new Error('the database adapter has no SQLite client')
  await client.batch([`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`, 'ANALYZE'], 'write')
}

/** Starts the upkeep; returns a stop function. The timer never keeps the process alive. */
export function keepPlannerStatistics(payload: () => Payload | undefined, minIntervalMs: number): () => void {
  let analyzedRevision: number | undefined
  let lastRun = 0
  let busy = false
  // The revision last seen, and since when it has stood still.
  let seen: number | undefined
  let seenSince = Date.now()
  const started = seenSince
  const timer = setInterval(() => {
    const instance = payload()
    if (!instance || busy) return
    const revision = contentRevision.current()
    const now = Date.now()
    if (revision !== seen) [seen, seenSince] = [revision, now]
    if (lastRun > 0 && (revision === analyzedRevision || now - lastRun < minIntervalMs)) return
    if (now - seenSince < QUIET_MS && now - (lastRun || started) < MAX_DEFER_MS) return
    busy = true
    analyze(instance)
      .then(() => (analyzedRevision = revision))
      // Stale statistics cost speed, never correctness: log, and try again after the interval.
      .catch((err: unknown) => instance.logger.warn(`planner statistics not refreshed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        lastRun = Date.now()
        busy = false
      })
  }, Math.min(minIntervalMs, 1_000))
  timer.unref()
  return () => clearInterval(timer)
}
