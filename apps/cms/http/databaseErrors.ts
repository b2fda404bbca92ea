import fs from 'node:fs'
import { STATUS_CODES } from 'node:http'
import type { RequestHandler, Response } from 'express'
import { currentPayload } from '../lib/payloadHandle'

/**
 * Every API error leaves in one shape, `{ errors: [{ message }] }`, and an outage says so.
 *
 * Shape: Payload answers an unknown route with `{ message }` and its own errors with
 * `{ errors: [{ name, data, message }] }`, where `name` is a class name the production build
 * minifies (`"name":"a"`): meaningless to a client. Error bodies are rewritten to the documented
 * shape, keeping each error's message and details (`data`, `path`...) and dropping `name`/`stack`.
 *
 * Outage: when the database is down, Payload answers every API call with a bare 500 ("An unknown
 * error occurred."), which tells a client neither what happened nor that retrying is the right move.
 * Those 500s become a 503 with a plain message and Retry-After, but only after asking the database
 * itself (the /readyz probe): a 500 while the database answers stays a 500, so a real bug is never
 * disguised as an outage. Non-error responses pass straight through, untouched.
 */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable, so the request could not be completed. Retry shortly.'
export const DATABASE_RETRY_AFTER_SECONDS = 5

type Chunk = string | Buffer | Uint8Array
type Callback = (err?: Error | null) => void

/**
 * `probe` resolves to null when the database answers (health.ts `databaseProbe`). `fileCheck`
 * (SQLite) answers synchronously whether the database file is where the config says: when it is
 * not, requests are refused up front, before a connection opened earlier can write into a file
 * that is no longer the database (see sqliteFileCheck).
 */
export function databaseUnavailable(probe: () => Promise<string | null>, fileCheck: FileCheck = () => null): RequestHandler {
  const body = JSON.stringify({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] })
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
  }
  // Written raw (not res.send): an outage answer has no ETag and nothing else to negotiate.
  const refuse = (res: Response) => res.writeHead(503, headers).end(body)
  return (_req, res, next) => {
    if (fileCheck()) return void refuse(res)
    const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
    let held: { head: unknown[] | null; chunks: Buffer[] } | null = null

    const restore = () => Object.assign(res, original)
    /** Decide once, on the status the handler settled on: only error responses are held back. */
    const decide = (status: number): boolean => {
      if (held) return true
      if (status < 400) {
        restore()
        return false
      }
      held = { head: null, chunks: [] }
      return true
    }

    res.writeHead = ((status: number, ...rest: unknown[]) => {
      if (!decide(status)) return (res.writeHead as (...a: unknown[]) => Response)(status, ...rest)
      held!.head = [status, ...rest]
      return res
    }) as typeof res.writeHead
    res.flushHeaders = () => {
      if (!decide(res.statusCode)) res.flushHeaders()
    }
    res.write = ((chunk: Chunk, encoding?: BufferEncoding | Callback, cb?: Callback) => {
      if (!decide(res.statusCode)) return (res.write as (...a: unknown[]) => boolean)(chunk, encoding, cb)
      held!.chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined))
      ;(typeof encoding === 'function' ? encoding : cb)?.()
      return true
    }) as typeof res.write
    res.end = ((chunk?: Chunk | (() => void), encoding?: BufferEncoding | (() => void), cb?: () => void) => {
      if (!decide(res.statusCode)) return (res.end as (...a: unknown[]) => Response)(chunk, encoding, cb)
      const hold = held!
      if (chunk && typeof chunk !== 'function') hold.chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined))
      const status = Number(hold.head?.[0] ?? res.statusCode)
      const send = () => {
        restore()
        const rewritten = errorBody(Buffer.concat(hold.chunks), status)
        // The held head's headers are set one by one, so the rewritten body's type and length win.
        const headerArg = hold.head?.find((a, i) => i > 0 && typeof a === 'object' && a !== null)
        if (Array.isArray(headerArg)) for (let i = 0; i + 1 < headerArg.length; i += 2) res.setHeader(String(headerArg[i]), headerArg[i + 1] as string)
        else if (headerArg) for (const [k, v] of Object.entries(headerArg)) if (v !== undefined) res.setHeader(k, v as string)
        res.removeHeader('content-encoding')
        res.setHeader('content-type', 'application/json; charset=utf-8')
        res.setHeader('content-length', String(rewritten.length))
        res.writeHead(status)
        res.end(rewritten)
      }
      if (status < 500) {
        send()
        return res
      }
      void probe()
        .catch((err: unknown) => String(err))
        .then((problem) => {
          if (problem) {
            restore()
            // Security and CORS headers set earlier stay; what described the old body goes.
            for (const name of ['content-encoding', 'etag', 'last-modified']) res.removeHeader(name)
            res.writeHead(503, headers).end(body)
            return
          }
          // The database answers: this is someone else's error; send it as written, in the error shape.
          // A 503 (a write that waited too long for its turn, see apps/cms/lib/sqliteWrites.ts) says
          // when to come back.
          if (status === 503 && !res.hasHeader('retry-after')) res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          send()
        })
      return res
    }) as typeof res.end
    next()
  }
}

/**
 * Is the SQLite file still the one this process opened? libsql keeps one connection open between
 * queries, on a file descriptor: if the file is moved, deleted or replaced, that connection goes on
 * reading and even committing into the old file (measured: a POST made right after the database
 * directory was renamed away returned 201, into the renamed file), until a transaction hands the
 * connection back and the next query fails to open the path. So the path is checked directly: gone
 * or not a file = unavailable; a different inode than first seen = replaced under us, which only a
 * restart resolves. Cached for `ttlMs`, so it costs one stat per half second, not per request.
 * Skipped until Payload has initialised: before that the file may legitimately not exist yet.
 */
export type FileCheck = (fresh?: boolean) => string | null

export function sqliteFileCheck(file: string, ttlMs = 500): FileCheck {
  let checkedAt = 0
  let result: string | null = null
  let inode: number | undefined
  // `fresh` (the readiness probe) always looks, and what it sees is what requests get next.
  return (fresh = false) => {
    if (!currentPayload()) return null
    const now = Date.now()
    if (!fresh && now - checkedAt < ttlMs) return result
    checkedAt = now
    try {
      const stat = fs.statSync(file)
      if (!stat.isFile()) result = 'the database path is not a file'
      else if (inode !== undefined && stat.ino !== inode) result = 'the database file was replaced while the CMS was running; restart the CMS'
      else {
        inode = stat.ino
        result = null
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      result = code === 'ENOENT' ? 'cannot open the database file' : `cannot open the database file (${code ?? 'error'})`
    }
    return result
  }
}

/**
 * An error body in the documented shape. A deferred writeHead may carry its own content-length;
 * `send` above replaces it, since the rewritten body has a different size.
 */
export function errorBody(raw: Buffer, status: number): Buffer {
  let data: unknown
  try {
    data = JSON.parse(raw.toString('utf8'))
  } catch {
    data = undefined
  }
  const fallback = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  const clean = (item: unknown) => {
    if (typeof item !== 'object' || item === null) return { message: fallback }
    const { name: _name, stack: _stack, ...rest } = item as Record<string, unknown>
    return { ...rest, message: typeof rest.message === 'string' && rest.message ? rest.message : fallback }
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined
  const errors = Array.isArray(record?.errors) && record.errors.length > 0 ? record.errors.map(clean) : [clean(record ?? null)]
  return Buffer.from(JSON.stringify({ errors }))
}

const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
  Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk)

/**
 * A short, public description of why the database failed: the innermost cause (drizzle wraps the
 * driver's error in "Failed query: <sql>"), without the SQL or file paths, which are for the log.
 */
export function describeDatabaseError(err: unknown): string {
  let inner: unknown = err
  for (let i = 0; i < 10 && inner instanceof Error && inner.cause instanceof Error; i++) inner = inner.cause
  const message = inner instanceof Error ? inner.message : String(inner)
  const known: [RegExp, string][] = [
    [/ConnectionFailed|SQLITE_CANTOPEN|unable to open/i, 'cannot open the database file'],
    [/SQLITE_(IOERR|CORRUPT|NOTADB)|disk I\/O error|malformed|not a database/i, 'the database file cannot be read'],
    [/SQLITE_(BUSY|LOCKED)|database is locked/i, 'the database is locked by another process'],
    [/SQLITE_READONLY|readonly database/i, 'the database is read-only'],
    [/ECONNREFUSED|ServerSelection|MongoNetwork|topology/i, 'cannot reach the database server'],
  ]
  const match = known.find(([pattern]) => pattern.test(message))
  return match ? match[1] : `database error (${inner instanceof Error ? inner.name : typeof inner})`
}
