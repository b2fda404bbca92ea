/**
 * Slow-header clients against both servers' real HTTP fronts (the CMS's express app with a stand-in
 * for Next, the reader site's front server with a stand-in upstream), on loopback: connections that
 * never finish their headers are closed after the headers timeout, a normal request is answered
 * meanwhile, and the connection cap refuses connections beyond it instead of running out of file
 * descriptors.
 */
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseCmsEnv } from '../../src/env'
import { createCmsHttpServer } from '../../apps/cms/http/app'
import { createFrontServer, listen } from '../../apps/web/front/frontServer'
import { limitsFromEnv, type ServerLimits } from '../../src/http/httpLimits'
import { startUpstream, type FakeUpstream } from './web-server/harness'

const HEADERS_TIMEOUT_MS = 1_000
const limits = (maxConnections: number): ServerLimits => ({ headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: 3_000, keepAliveTimeoutMs: 1_000, maxConnections })

type Started = { port: number; close: () => Promise<void> }
const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function startCms(maxConnections: number): Promise<Started> {
  const env = parseCmsEnv(
    {
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tripsitter-limits-')),
      SERVER_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      SERVER_REQUEST_TIMEOUT_MS: '3000',
      SERVER_KEEP_ALIVE_TIMEOUT_MS: '1000',
      SERVER_MAX_CONNECTIONS: String(maxConnections),
    },
    () => undefined,
  )
  expect(limitsFromEnv(env)).toEqual(limits(maxConnections))
  const server = createCmsHttpServer(env, async (_req, res) => void res.end('next'))
  const port = await listen(server, 0, '127.0.0.1')
  return { port, close: () => close(server) }
}

async function startWeb(maxConnections: number): Promise<Started> {
  const upstream: FakeUpstream = await startUpstream((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('page'))
  const front = createFrontServer({ upstream: upstream.url, revalidateSecret: 'x'.repeat(32), ttlMs: 60_000, limits: limits(maxConnections), log: () => undefined })
  const port = await listen(front.server, 0, '127.0.0.1')
  return {
    port,
    close: async () => {
      await front.close(100)
      await upstream.close()
    },
  }
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/** A connection that sends a request line and one header, then nothing. Resolves `closed` when the server hangs up. */
function halfOpen(port: number): Promise<{ socket: net.Socket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n')
      resolve({ socket, closed })
    })
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())))
    socket.resume() // read the server's 408 and its hang-up
    socket.on('error', () => undefined)
    socket.once('error', reject)
  })
}

function get(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    }).on('error', reject)
  })
}

describe.each([
  ['CMS', startCms],
  ['reader site', startWeb],
])('%s server limits', (_name, start) => {
  it('closes connections that never finish their headers, and answers others meanwhile', async () => {
    const server = await start(100)
    cleanups.push(server.close)
    const openedAt = Date.now()
    const slow = await Promise.all(Array.from({ length: 50 }, () => halfOpen(server.port)))
    expect(await get(server.port)).toBe(200)
    const closedAt = await Promise.all(slow.map((c) => c.closed))
    // Closed by the headers timeout: not before it, and well before Node's default of 60 s.
    for (const at of closedAt) {
      expect(at - openedAt).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50)
      expect(at - openedAt).toBeLessThan(15_000)
    }
    expect(await get(server.port)).toBe(200)
  })

  it('refuses connections beyond the cap until the slow ones are gone', async () => {
    const server = await start(10)
    cleanups.push(server.close)
    const slow = await Promise.all(Array.from({ length: 10 }, () => halfOpen(server.port)))
    const extra = await halfOpen(server.port)
    const refusedAt = await extra.closed
    const firstTimeout = Math.min(...(await Promise.all(slow.map((c) => c.closed))))
    expect(refusedAt).toBeLessThan(firstTimeout) // dropped at once, not by the timeout
    expect(await get(server.port)).toBe(200)
  })
})
