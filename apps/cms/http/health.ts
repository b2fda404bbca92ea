import type { Router } from 'express'
import express from 'express'
import { currentPayload } from '../lib/payloadHandle'
import { USERS } from '../../../collections/slugs'
import { describeDatabaseError } from './databaseErrors'
import { sqliteWriteProblem } from '../lib/sqliteWriteQueue'

const DB_CHECK_TIMEOUT_MS = 2_000

export type DatabaseProbe = () => Promise<string | null>

/**
 * Resolves to null when the database answered in time, else the reason it did not. `fileCheck`
 * (SQLite) runs first: a connection opened before the file vanished keeps answering queries, so
 * the query alone would report a lost database file as healthy (see databaseErrors.ts).
 */
export const databaseProbe = (fileCheck: (fresh: boolean) => string | null = () => null): DatabaseProbe => async () => {
  const payload = currentPayload()
  if (!payload) return 'starting: Payload has not initialised yet'
  const fileProblem = fileCheck(true)
  if (fileProblem) return `database unavailable: ${fileProblem}`
  // Reads can succeed while every write waits for a lock: then the CMS cannot do its job either.
  const writeProblem = sqliteWriteProblem()
  if (writeProblem) return `database unavailable: ${writeProblem}`
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`database did not answer within ${DB_CHECK_TIMEOUT_MS} ms`), DB_CHECK_TIMEOUT_MS)
  })
  const probe = payload
    .count({ collection: USERS, overrideAccess: true })
    .then(() => null)
    // The public reason names the kind of failure; the SQL and file paths stay in the server log.
    .catch((err: unknown) => {
      payload.logger.error({ err, msg: 'readiness probe: database error' })
      return `database unavailable: ${describeDatabaseError(err)}`
    })
  try {
    return await Promise.race([probe, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** /healthz: the process is up. /readyz: it can serve content, i.e. the database answers. */
export function healthRoutes(databaseProblem: DatabaseProbe = databaseProbe()): Router {
  const router = express.Router()
  router.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    const problem = await databaseProblem()
    res.set('cache-control', 'no-store')
    if (problem) res.status(503).json({ status: 'unavailable', reason: problem })
    else res.json({ status: 'ok' })
  })
  return router
}
