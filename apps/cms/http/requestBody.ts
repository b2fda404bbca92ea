import { IncomingMessage, type ServerResponse } from 'node:http'
import type { Request, RequestHandler, Response } from 'express'
import { bareContentType } from '../lib/graphqlReadKeys'

/**
 * Let an express check read a request body that Next must still receive.
 *
 * Next builds its Request from the raw Node stream and refuses a stream that has already been read
 * ("Response body object should not be disturbed or locked"), so pushing the bytes back is not
 * enough. Instead the body is read once, and Next is handed a fresh IncomingMessage with the same
 * method, URL, headers and socket whose stream yields exactly those bytes (see `requestForNext`).
 *
 * Bounded: bodyLimit runs first and refuses bodies without a Content-Length or over the limit.
 */
const BUFFERED = Symbol('tripsitter.bufferedBody')
type Locals = Record<typeof BUFFERED, { body: Buffer; replay: IncomingMessage } | undefined>

export async function bufferedBody(req: Request, res: Response): Promise<Buffer> {
  const locals = res.locals as Locals
  const known = locals[BUFFERED]
  if (known) return known.body
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks)
  locals[BUFFERED] = { body, replay: replayOf(req, body) }
  return body
}

/** The request Next should handle: the replay when a check consumed the body, else the original. */
export function requestForNext(req: Request, res: Response): IncomingMessage {
  return (res.locals as Locals)[BUFFERED]?.replay ?? req
}

/**
 * For a body read before express (the fast path's GraphQL POST that the cache could not answer):
 * the checks and Next get these bytes, as if a check had read them.
 */
export function keepReadBody(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  // express keeps a `locals` it finds on the response (it creates one only where there is none).
  const withLocals = res as ServerResponse & { locals?: Locals }
  const locals = (withLocals.locals ??= Object.create(null) as Locals)
  locals[BUFFERED] = { body, replay: replayOf(req, body) }
}

function replayOf(req: IncomingMessage & { originalUrl?: string }, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(req.socket)
  replay.method = req.method
  // express rewrites req.url inside mounted routers; Next needs the URL as the client sent it.
  replay.url = req.originalUrl ?? req.url
  replay.headers = req.headers
  replay.rawHeaders = req.rawHeaders
  replay.httpVersion = req.httpVersion
  replay.httpVersionMajor = req.httpVersionMajor
  replay.httpVersionMinor = req.httpVersionMinor
  replay.push(body)
  replay.push(null)
  replay.complete = true
  return replay
}

/**
 * Bodies the API cannot use get a 4xx naming the problem, before Payload parses them: measured
 * here, a `null` JSON body, malformed JSON, a body under a content type Payload does not read
 * (text/plain) and JSON nested a few thousand levels deep (a stack overflow in Payload's walk of
 * the data) were each a bare 500. Bodies are bounded by bodyLimit, which runs first.
 */
export const MAX_JSON_NESTING = 100
const READABLE_TYPES = new Set(['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'])

export function requestBodyGuard(): RequestHandler {
  return async (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const declared = Number(req.headers['content-length'] ?? 0)
    if (!declared) return next()
    const type = bareContentType(req.get('content-type'))
    const graphql = req.path === '/graphql' || req.path.startsWith('/graphql/')
    const refuse = (status: number, message: string) => void res.status(status).set('cache-control', 'no-store').json({ errors: [{ message }] })
    if (!(READABLE_TYPES.has(type) || (graphql && type === 'application/graphql'))) {
      return refuse(415, `Content-Type ${type ? `"${type}"` : '(none)'} is not accepted here; send application/json${graphql ? ' or application/graphql' : ' or multipart/form-data'}`)
    }
    if (type !== 'application/json') return next()
    try {
      let data: unknown
      try {
        data = JSON.parse((await bufferedBody(req, res)).toString('utf8'))
      } catch {
        return refuse(400, 'The request body is not valid JSON')
      }
      // A GraphQL request may be a batch (a list of operations); everything else is one object.
      if (typeof data !== 'object' || data === null || (Array.isArray(data) && !graphql)) return refuse(400, 'The request body must be a JSON object')
      if (nestingOf(data, MAX_JSON_NESTING) > MAX_JSON_NESTING) return refuse(400, `The request body is nested more than ${MAX_JSON_NESTING} levels deep`)
      next()
    } catch (err) {
      next(err)
    }
  }
}

/** How deeply objects and arrays nest, counting stops just past `limit` (iterative: no recursion to overflow). */
export function nestingOf(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (typeof v !== 'object' || v === null) continue
    deepest = Math.max(deepest, depth)
    if (deepest > limit) return deepest
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
  }
  return deepest
}
