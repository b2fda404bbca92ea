/**
 * Socket limits for both HTTP servers: how long a client may take to send its headers and its
 * whole request, how long an idle keep-alive connection stays open, and how many connections are
 * held at once. Node's defaults (60 s for headers, checked only every 30 s; no connection cap) let
 * a client that opens connections and sends headers a byte at a time use up the file descriptors.
 */
import http from 'node:http'
import { toOriginForm } from './originForm'

export interface ServerLimits {
  headersTimeoutMs: number
  requestTimeoutMs: number
  keepAliveTimeoutMs: number
  maxConnections: number
}

export function limitsFromEnv(env: {
  SERVER_HEADERS_TIMEOUT_MS: number
  SERVER_REQUEST_TIMEOUT_MS: number
  SERVER_KEEP_ALIVE_TIMEOUT_MS: number
  SERVER_MAX_CONNECTIONS: number
}): ServerLimits {
  return {
    headersTimeoutMs: env.SERVER_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.SERVER_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: env.SERVER_KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: env.SERVER_MAX_CONNECTIONS,
  }
}

/**
 * An http.Server with the limits applied (`limits` undefined keeps Node's defaults) that sees every
 * request in origin form (see ./originForm).
 */
export function createLimitedServer(limits: ServerLimits | undefined, listener: http.RequestListener): http.Server {
  const handler: http.RequestListener = (req, res) => {
    toOriginForm(req)
    listener(req, res)
  }
  if (!limits) return http.createServer(handler)
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs)
  const server = http.createServer(
    {
      headersTimeout,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often expired connections are looked for: often enough that the timeout is what applies.
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    handler,
  )
  server.maxConnections = limits.maxConnections
  return server
}
