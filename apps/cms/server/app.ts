import http from 'node:http'
import express from 'express'
import type { CmsEnv } from '@/env'
import { databaseProbe, healthRoutes } from './health'
import { securityHeaders, securityHeaderValues } from './securityHeaders'
import { publicReadCors } from './cors'
import { bodyLimit } from './bodyLimit'
import { createRateLimiter } from './rateLimiter'
import { rateLimit } from './rateLimit'
import { apiCacheHeaders } from './apiCacheHeaders'
import { createBySlugFastPath } from './bySlugFastPath'
import { openApiRoutes } from './openApi'
import { databaseUnavailable, sqliteFileCheck } from './databaseErrors'
import { queryGuard } from './queryGuard'
import { graphqlGuard } from './graphqlGuard'
import { requestForNext } from './requestBody'
import { purgeAfterCommit } from './purgeAfterCommit'
import { revalidateRoute } from './revalidate'

type NextHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>

/**
 * The CMS's HTTP front: health checks, security headers, CORS, limits and HTTP caching live here;
 * everything else (admin, REST, GraphQL) is Payload inside Next. Kept apart from server.ts so tests
 * can see the order of the middleware in one place.
 */
export function createCmsHttpServer(env: CmsEnv, handleNext: NextHandler): http.Server {
  const trustProxy = env.TRUST_PROXY !== 'false'
  const baseHeaders = securityHeaderValues({ https: env.CMS_URL.startsWith('https:') })
  const apiLimiter = createRateLimiter({ windowMs: env.RATE_LIMIT_WINDOW_MS, max: env.RATE_LIMIT_API_MAX })
  const loginLimiter = createRateLimiter({ windowMs: env.RATE_LIMIT_WINDOW_MS, max: env.RATE_LIMIT_LOGIN_MAX })
  const corsOrigins = env.CORS_ORIGINS ?? [env.WEB_URL]
  const databaseFile = env.databaseKind === 'sqlite' ? sqliteFileCheck(env.sqlitePath) : () => null
  const databaseProblem = databaseProbe(databaseFile)

  const app = express()
  app.disable('x-powered-by')
  app.disable('etag') // ETags are computed on the bytes sent, in apiCacheHeaders
  app.use(securityHeaders(baseHeaders))
  app.use(healthRoutes(databaseProblem))
  app.use(bodyLimit(env.MAX_BODY_BYTES))
  app.post('/api/users/login', rateLimit(loginLimiter, trustProxy))
  app.use('/api', publicReadCors(corsOrigins))
  app.use('/api', rateLimit(apiLimiter, trustProxy))
  // Signed purges from writers in other processes (the seed); answered here, never by Payload.
  app.use(revalidateRoute(env.REVALIDATE_SECRET))
  app.use(openApiRoutes(env))
  app.use('/api', purgeAfterCommit(env))
  // Before apiCacheHeaders, so its buffered reads reach this with their final status.
  app.use('/api', databaseUnavailable(databaseProblem, databaseFile))
  app.use('/api/graphql', graphqlGuard())
  app.use('/api', queryGuard())
  app.use('/api', apiCacheHeaders())
  // A guard that read the body hands Next a replay of it (see requestBody.ts).
  app.all('/{*splat}', (req, res) => handleNext(requestForNext(req, res), res))

  const fastPath = createBySlugFastPath({ baseHeaders, limiter: apiLimiter, trustProxy, ttlMs: env.API_CACHE_TTL_MS })
  return http.createServer((req, res) => {
    if (!fastPath(req, res)) app(req, res)
  })
}
