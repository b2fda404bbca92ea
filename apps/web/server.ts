/**
 * Entry point of the reader site: Next on a private loopback port, the caching front server on the
 * public one.
 *
 *   node --import tsx apps/web/server.ts          production (NODE_ENV=production, after `next build`)
 *   node --import tsx apps/web/server.ts --dev    Next dev mode, page cache off
 *
 * Why a custom server: Next's own prerender cache re-enters its renderer pipeline and served ~0.05x
 * of a raw node:http server serving the same bytes (measured with autocannon, 50 connections); the front server answers cached pages
 * from prebuilt buffers instead.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import next from 'next'
import { EnvError, webEnv } from '../../src/env'
import { INTERNAL_ORIGIN_ENV } from './lib/livePreview'
import { createFrontServer, listen } from './front/frontServer'
import { frontServerOptions } from './front/options'
import { pollContentRevision } from './front/revisionPoller'
import { loadRootEnv } from '../../src/process/rootEnv'

const APP_DIR = path.dirname(fileURLToPath(import.meta.url))
const SHUTDOWN_DEADLINE_MS = 10_000
/** Leaves time to close Next and exit before the hard deadline. */
const DRAIN_MS = 8_000

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

async function main(): Promise<void> {
  loadRootEnv()
  const env = webEnv()
  const dev = process.argv.includes('--dev') || env.NODE_ENV !== 'production'

  // Next wants its port up front, so bind the internal server first and hand requests over once ready.
  let nextHandler: Handler | undefined
  const internal = http.createServer((req, res) => {
    if (!nextHandler) {
      res.writeHead(503, { 'retry-after': '1' }).end()
      return
    }
    nextHandler(req, res).catch((err: unknown) => {
      console.error('[web] next request handler failed:', err)
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    })
  })
  const internalPort = await listen(internal, 0, '127.0.0.1')
  // Live preview renders the article page through this process's own Next (apps/web/lib/livePreview.ts).
  process.env[INTERNAL_ORIGIN_ENV] = `http://127.0.0.1:${internalPort}`

  const app = next({ dev, dir: APP_DIR, hostname: '127.0.0.1', port: internalPort, httpServer: internal })
  await app.prepare()
  nextHandler = app.getRequestHandler()

  const front = createFrontServer(frontServerOptions(env, new URL(`http://127.0.0.1:${internalPort}`), dev, (line) => console.log(line)))
  if (!dev && env.REVISION_POLL_MS > 0) {
    pollContentRevision({
      cmsUrl: env.CMS_URL,
      intervalMs: env.REVISION_POLL_MS,
      onMove: (from, to) => console.log(`[web] content revision ${from} -> ${to}; purged ${front.purge()} page(s)`),
    })
  }
  const port = await listen(front.server, env.WEB_PORT, env.HOST)
  console.log(`[web] ready on http://localhost:${port} (cms: ${env.CMS_URL})${dev ? ' [dev: page cache off]' : ''}`)

  let stopping = false
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return
    stopping = true
    console.log(`[web] ${signal}: finishing in-flight requests`)
    setTimeout(() => {
      console.error(`[web] still busy after ${SHUTDOWN_DEADLINE_MS / 1000} s; forcing exit`)
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS).unref()
    // Front first: its in-flight requests may still be waiting on Next.
    await front.close(DRAIN_MS)
    await new Promise<void>((resolve) => {
      internal.close(() => resolve())
      internal.closeAllConnections()
    })
    await app.close()
    process.exit(0)
  }
  // `on`, not `once`: a second signal during the drain must not fall through to Node's default (kill).
  process.on('SIGTERM', (s) => void stop(s))
  process.on('SIGINT', (s) => void stop(s))
}

main().catch((err: unknown) => {
  console.error(err instanceof EnvError ? err.message : err)
  process.exit(1)
})
