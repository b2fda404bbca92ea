import express, { type ErrorRequestHandler, type Router } from 'express'
import { apiCache } from '../lib/apiCache'
import { REVALIDATE_PATH } from '@/webhook/send'
import { REVALIDATE_SIGNATURE_HEADER, verifyRevalidation } from '@/webhook/signature'
import { RevalidationEvent } from '@/webhook/schema'

const MAX_WEBHOOK_BYTES = 64 * 1024

/**
 * POST /api/revalidate on the CMS: the same signed "content changed" webhook the reader site takes,
 * here to empty the by-slug API cache.
 *
 * Why: the CMS's own hooks purge that cache in this process, but a Local API writer in another
 * process (`npm run seed`) commits rows this memory never hears about. Without this, a re-seeded
 * article kept being answered with the previous document's sections until the cache entry expired.
 * The seed calls this after its transaction commits (seed/write.ts).
 *
 * Signature first, over the exact raw bytes, then the schema: an unsigned caller cannot empty the
 * cache (which would send every reader to the database at once).
 */
export function revalidateRoute(secret: string): Router {
  const router = express.Router()
  router.post(REVALIDATE_PATH, express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    res.set('cache-control', 'no-store')
    if (!verifyRevalidation(req.get(REVALIDATE_SIGNATURE_HEADER), raw, secret)) {
      res.status(401).json({ errors: [{ message: 'invalid signature' }] })
      return
    }
    let json: unknown
    try {
      json = JSON.parse(raw.toString('utf8'))
    } catch {
      res.status(400).json({ errors: [{ message: 'body is not valid JSON' }] })
      return
    }
    const parsed = RevalidationEvent.safeParse(json)
    if (!parsed.success) {
      res.status(400).json({ errors: parsed.error.issues.map((i) => ({ message: `${i.path.join('.') || 'body'}: ${i.message}` })) })
      return
    }
    apiCache.purge()
    res.status(200).json({ revalidated: true })
  })
  // express.raw's own failures (a body over the limit, a broken stream) in the API's error shape.
  router.use(REVALIDATE_PATH, ((err, _req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : 400
    res.status(status).json({ errors: [{ message: status === 413 ? `body larger than ${MAX_WEBHOOK_BYTES} bytes` : 'unreadable request body' }] })
  }) as ErrorRequestHandler)
  return router
}
