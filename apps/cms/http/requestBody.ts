import { IncomingMessage } from 'node:http'
import type { Request, Response } from 'express'

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

function replayOf(req: Request, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(req.socket)
  replay.method = req.method
  // express rewrites req.url inside mounted routers; Next needs the URL as the client sent it.
  replay.url = req.originalUrl
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
