/**
 * The 503 mapping in apps/cms/http/databaseErrors.ts on its own, in an express app with stand-in
 * handlers: the database-outage test (database.test.ts) is caught earlier by the file check, so
 * this is where the other path, a 500 from Payload while the database is down (MongoDB stopped, a
 * disk error), is pinned. A 500 while the database answers must stay that 500, byte for byte.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, databaseUnavailable } from '../../apps/cms/http/databaseErrors'

let server: http.Server
let base: string
let databaseDown = false
let fileMissing = false
let handled = 0

beforeAll(async () => {
  const app = express()
  app.use(databaseUnavailable(async () => (databaseDown ? 'database unavailable: cannot reach the database server' : null), () => (fileMissing ? 'cannot open the database file' : null)))
  app.use((_req, _res, next) => {
    handled++
    next()
  })
  // Like Payload behind Next: status set first, body streamed in pieces.
  app.get('/fails', (_req, res) => {
    res.statusCode = 500
    res.setHeader('content-type', 'application/json')
    res.write('{"errors":[{"message":')
    res.end('"An unknown error occurred."}]}')
  })
  app.post('/fails', (_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json', etag: '"x"' })
    res.end('{"errors":[{"message":"An unknown error occurred."}]}')
  })
  app.post('/works', (_req, res) => {
    res.writeHead(201, { 'content-type': 'application/json' })
    res.write('{"doc":')
    res.end('{"id":1}}')
  })
  server = http.createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function call(method: 'GET' | 'POST', path: string) {
  const res = await fetch(`${base}${path}`, { method })
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after'), etag: res.headers.get('etag') }
}

const unavailable = { status: 503, body: JSON.stringify({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] }), retryAfter: String(DATABASE_RETRY_AFTER_SECONDS), etag: null }

describe('databaseUnavailable', () => {
  it('turns a 500 into a 503 with Retry-After when the database does not answer', async () => {
    databaseDown = true
    expect(await call('GET', '/fails')).toEqual(unavailable)
    expect(await call('POST', '/fails')).toEqual(unavailable)
  })

  it('leaves a 500 exactly as written when the database answers: a bug is not an outage', async () => {
    databaseDown = false
    expect(await call('GET', '/fails')).toEqual({ status: 500, body: '{"errors":[{"message":"An unknown error occurred."}]}', retryAfter: null, etag: null })
    expect(await call('POST', '/fails')).toEqual({ status: 500, body: '{"errors":[{"message":"An unknown error occurred."}]}', retryAfter: null, etag: '"x"' })
  })

  it('streams successful responses through untouched, even during an outage', async () => {
    databaseDown = true
    expect(await call('POST', '/works')).toEqual({ status: 201, body: '{"doc":{"id":1}}', retryAfter: null, etag: null })
  })

  it('refuses up front, without running the handler, when the database file is missing', async () => {
    fileMissing = true
    const before = handled
    expect(await call('POST', '/works')).toEqual(unavailable)
    expect(handled).toBe(before)
    fileMissing = false
  })
})
