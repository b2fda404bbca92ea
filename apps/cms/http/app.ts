import http from 'node:http'
import express from 'express'
import type { CmsEnv } from '@/env'
import { databaseProbe, healthRoutes } from './health'
import { securityHeaders, securityHeaderValues } from './securityHeaders'
import { publicReadCors } from './cors'
import { bodyLimit } from './bodyLimit'
import { rateLimit, rateLimitKey } from './rateLimit'
import { apiCacheHeaders } from './apiCacheHeaders'
import { createApiFastPath } from './apiFastPath'
import { apiCache } from '../lib/apiCache'
import { watchContentRevision } from '../lib/contentRevision'
import { keepPlannerStatistics } from '../lib/plannerStatistics'
import { currentPayload } from '../lib/payloadHandle'
import { contentRevisionRoute } from './contentRevisionRoute'
import { openApiRoutes } from '../openapi/routes'
import { databaseUnavailable, sqliteFileCheck } from './databaseErrors'
import { queryGuard } from './queryGuard'
import { graphqlGuard } from './graphqlGuard'
import { requestBodyGuard, requestForNext } from './requestBody'
import { firstAdminGate } from './firstAdminGate'
import { headAsGet } from './headRequests'
import { createRateLimiter } from '@/http/fixedWindow'
import { createLimitedServer, limitsFromEnv } from '@/http/httpLimits'
import { readerSiteKey } from '@/http/siteKey'
import { revalidateRoute } from './revalidate'
import { MEDIA } from '../../../collections/slugs'

type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>

/**
 * The CMS's HTTP front: health checks, security headers, CORS, limits and HTTP caching live here;
 * everything else (admin, REST, GraphQL) is Payload inside Next. Kept apart from server.ts so tests
 * can see the order of the middleware in one place.
 */
export function createCmsHttpServer(env: CmsEnv, handleNext: NextHandler): http.Server {
  const keyOf = rateLimitKey(env.TRUST_PROXY, readerSiteKey(env.REVALIDATE_SECRET))
  const baseHeaders = securityHeaderValues({ https: env.CMS_URL.startsWith('https:') })
  const apiLimiter = createRateLimiter({ windowMs: env.RATE_LIMIT_WINDOW_MS, max: env.RATE_LIMIT_API_MAX })
  const loginLimiter = createRateLimiter({ windowMs: env.RATE_LIMIT_WINDOW_MS, max: env.RATE_LIMIT_LOGIN_MAX })
  const corsOrigins = env.CORS_ORIGINS ?? [env.WEB_URL]
  const databaseFile = env.databaseKind === 'sqlite' ? sqliteFileCheck(env.sqlitePath) : () => null
  const databaseProblem = databaseProbe(databaseFile)

  apiCache.configure({ maxBytes: env.API_CACHE_MAX_BYTES, ttlMs: env.API_CACHE_TTL_MS })
  // Another process committed (another CMS instance, the seed): this process's API cache is stale.
  watchContentRevision(currentPayload, () => apiCache.purge())
  if (env.databaseKind === 'sqlite') keepPlannerStatistics(currentPayload, env.SQLITE_ANALYZE_INTERVAL_MS)

  const app = express()
  app.disable('x-powered-by')
  app.disable('etag') // ETags are computed on the bytes sent, in apiCacheHeaders
  app.use(securityHeaders(baseHeaders, { dev: env.NODE_ENV !== 'production' }))
  app.use(healthRoutes(databaseProblem))
  // Before the rate limit: reader instances poll it every second, and it costs one Map read.
  app.use(contentRevisionRoute())
  // Image uploads may be larger than other bodies; multipart framing adds a few hundred bytes.
  app.use(bodyLimit((req) => (req.method === 'POST' || req.method === 'PATCH') && req.path.startsWith(`/api/${MEDIA}`) ? env.MAX_UPLOAD_BYTES + 64 * 1024 : env.MAX_BODY_BYTES))
  app.use(firstAdminGate({ deployment: env.DEPLOYMENT === '1', setupToken: env.SETUP_TOKEN }))
  // Account endpoints share the small limit: guessing passwords, and mailing reset links to anyone.
  app.post(['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password'], rateLimit(loginLimiter, keyOf))
  app.use('/api', publicReadCors(corsOrigins))
  app.use('/api', rateLimit(apiLimiter, keyOf))
  // Signed purges from writers in other processes (the seed); answered here, never by Payload.
  app.use(revalidateRoute(env.REVALIDATE_SECRET))
  app.use(openApiRoutes(env))
  // Before apiCacheHeaders, so its buffered reads reach this with their final status.
  app.use('/api', databaseUnavailable(databaseProblem, databaseFile))
  app.use('/api', requestBodyGuard())
  app.use('/api/graphql', graphqlGuard({ cmsOrigin: new URL(env.CMS_URL).origin }))
  app.use('/api', queryGuard())
  app.use('/api', apiCacheHeaders())
  app.use('/api', headAsGet())
  // A guard that read the body hands Next a replay of it (see requestBody.ts).
  app.all('/{*splat}', (req, res) => handleNext(requestForNext(req, res), res))

  const fastPath = createApiFastPath({ baseHeaders, limiter: apiLimiter, keyOf, fallback: app })
  return createLimitedServer(limitsFromEnv(env), (req, res) => {
    if (!fastPath(req, res)) app(req, res)
  })
}
