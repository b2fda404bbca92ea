import express, { type Router } from 'express'
import type { CmsEnv } from '@/env'
import { buildOpenApiDocument } from './document'
import { renderApiDocsHtml } from './docsHtml'

/** The contract, generated once per process from the same zod schemas the client validates with. */
export function openApiRoutes(env: CmsEnv): Router {
  const doc = buildOpenApiDocument({ serverUrl: env.CMS_URL })
  const json = JSON.stringify(doc)
  const html = renderApiDocsHtml(doc)
  const router = express.Router()
  router.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').set('access-control-allow-origin', '*').send(json)
  })
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(html)
  })
  return router
}
