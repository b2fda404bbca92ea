import express, { type Router } from 'express'
import { contentRevision } from '../lib/contentRevision'

export const CONTENT_REVISION_PATH = '/api/content-revision'

/**
 * `GET /api/content-revision` -> `{ "revision": N }`, from memory, with the revision as its ETag
 * (304 when unchanged): every reader instance asks once a second whether to purge its pages, so
 * this answer must cost nothing. 503 until Payload has read the revision once after start.
 */
export function contentRevisionRoute(): Router {
  const router = express.Router()
  router.get(CONTENT_REVISION_PATH, (req, res) => {
    const revision = contentRevision.current()
    res.set('cache-control', 'no-cache')
    if (revision === undefined) {
      res.status(503).set('retry-after', '1').json({ errors: [{ message: 'The content revision is not known yet; the CMS is starting' }] })
      return
    }
    const etag = `"rev-${revision}"`
    res.set('etag', etag)
    if (req.headers['if-none-match'] === etag) return void res.status(304).end()
    res.json({ revision })
  })
  return router
}
