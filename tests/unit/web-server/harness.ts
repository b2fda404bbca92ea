/**
 * Real sockets, no mocks: a fake upstream standing in for Next, the front server on port 0, and a
 * raw node:http client (fetch would decompress gzip and hide what was actually sent).
 */
import { afterEach, beforeEach } from 'vitest'
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import { createFrontServer, listen, type FrontServer, type FrontServerOptions } from '../../../apps/web/front/frontServer'
import { signRevalidation, REVALIDATE_SIGNATURE_HEADER } from '../../../src/webhook/signature'
import type { RevalidationEvent } from '../../../src/webhook/schema'

export const SECRET = 'test-revalidate-secret-0123456789abcdef'
export const CMS_URL = 'http://cms.test:3000'

export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>

export interface FakeUpstream {
  url: URL
  /** Requests seen, in order, as "METHOD path". */
  seen: string[]
  count: (path: string) => number
  lastHeaders: Map<string, IncomingHttpHeaders>
  handler: UpstreamHandler
  close: () => Promise<void>
}

export async function startUpstream(handler: UpstreamHandler): Promise<FakeUpstream> {
  const state: FakeUpstream = {
    url: new URL('http://127.0.0.1'),
    seen: [],
    count: (path) => state.seen.filter((s) => s.endsWith(` ${path}`)).length,
    lastHeaders: new Map(),
    handler,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      state.seen.push(`${req.method} ${req.url}`)
      state.lastHeaders.set(req.url ?? '', req.headers)
      void Promise.resolve(state.handler(req, res, Buffer.concat(chunks))).catch(() => res.destroy())
    })
  })
  const port = await listen(server, 0, '127.0.0.1')
  state.url = new URL(`http://127.0.0.1:${port}`)
  return state
}

export interface RunningFront {
  front: FrontServer
  base: string
  logs: string[]
  close: () => Promise<void>
}

export async function startFront(upstream: URL, overrides: Partial<FrontServerOptions> = {}): Promise<RunningFront> {
  const logs: string[] = []
  const front = createFrontServer({
    upstream,
    revalidateSecret: SECRET,
    ttlMs: 60_000,
    cmsUrl: CMS_URL,
    log: (line) => logs.push(line),
    ...overrides,
  })
  const port = await listen(front.server, 0, '127.0.0.1')
  return { front, base: `http://127.0.0.1:${port}`, logs, close: () => front.close(500) }
}

export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  text: string
}

export function request(url: string, init: { method?: string; headers?: OutgoingHttpHeaders; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

export function signedWebhook(base: string, body: unknown, opts: { secret?: string; nowSeconds?: number; signature?: string | null } = {}): Promise<Reply> {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const headers: OutgoingHttpHeaders = { 'content-type': 'application/json' }
  const signature = opts.signature === undefined ? signRevalidation(text, opts.secret ?? SECRET, opts.nowSeconds) : opts.signature
  if (signature !== null) headers[REVALIDATE_SIGNATURE_HEADER] = signature
  return request(`${base}/api/revalidate`, { method: 'POST', headers, body: text })
}

export const PUBLISH: RevalidationEvent = { event: 'publish', collection: 'articles', slugs: ['ketamine'] }

export function htmlPage(title: string, padding = 4000): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>${'lorem ipsum '.repeat(padding / 12)}</p></body></html>`
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export interface FrontPerTest {
  upstream: FakeUpstream
  web: RunningFront
  /** For the upstream handler to render, so a test can change the content; 1 at the start of each test. */
  version: number
}

/** Before each test, a fake upstream answering with `handler` and a front server in front of it; both closed after it. */
export function frontPerTest(handler: UpstreamHandler): FrontPerTest {
  const pair = { version: 1 } as FrontPerTest
  beforeEach(async () => {
    pair.version = 1
    pair.upstream = await startUpstream(handler)
    pair.web = await startFront(pair.upstream.url)
  })
  afterEach(async () => {
    await pair.web.close()
    await pair.upstream.close()
  })
  return pair
}
