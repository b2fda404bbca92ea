import type { Router } from 'express'
import express from 'express'
import { currentPayload } from '@/server/payloadHandle'
import { USERS } from '../../../collections/slugs'

const DB_CHECK_TIMEOUT_MS = 2_000

/** Resolves to null when the database answered in time, else the reason it did not. */
export async function databaseProblem(): Promise<string | null> {
  const payload = currentPayload()
  if (!payload) return 'starting: Payload has not initialised yet'
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`database did not answer within ${DB_CHECK_TIMEOUT_MS} ms`), DB_CHECK_TIMEOUT_MS)
  })
  const probe = payload
    .count({ collection: USERS, overrideAccess: true })
    .then(() => null)
    .catch((err: unknown) => `database error: ${err instanceof Error ? err.message : String(err)}`)
  try {
    return await Promise.race([probe, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** /healthz: the process is up. /readyz: it can serve content, i.e. the database answers. */
export function healthRoutes(): Router {
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
