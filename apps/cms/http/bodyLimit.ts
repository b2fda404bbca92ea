import type { Request, RequestHandler } from 'express'

/**
 * Refuse bodies over the limit before Next reads them: 413 when the declared length is over it.
 *
 * A chunked body (Transfer-Encoding, no Content-Length) has no declared size, and Payload reads a
 * JSON body whole with no limit of its own: a 3 MB chunked POST was accepted and stored. Counting
 * the bytes here would consume the stream Next needs, so such bodies are refused with 411 Length
 * Required (RFC 9110 15.5.12). Browsers, the admin and fetch() always send a length for string,
 * JSON and FormData bodies; only hand-built streaming clients are affected, and they can retry.
 */
export function bodyLimit(limitOf: (req: Request) => number): RequestHandler {
  const lengthRequired = { errors: [{ message: 'Request bodies must declare a Content-Length (chunked bodies are not accepted)' }] }
  return (req, res, next) => {
    if (req.headers['transfer-encoding'] !== undefined) {
      res.set('connection', 'close').status(411).json(lengthRequired)
      return
    }
    const maxBytes = limitOf(req)
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxBytes) {
      const refuse = () => res.set('connection', 'close').status(413).json({ errors: [{ message: `Request body larger than ${maxBytes} bytes` }] })
      // A client still sending (an upload a little over the limit) would see its connection reset
      // instead of the 413: read and drop a moderate excess first, so the answer arrives.
      if (declared > DRAIN_AT_MOST_BYTES) return void refuse()
      req.once('end', refuse)
      req.once('error', () => res.destroy())
      req.resume()
      return
    }
    next()
  }
}

/** Bodies up to this size are read (and dropped) before a 413; larger ones are cut off at once. */
const DRAIN_AT_MOST_BYTES = 64 * 1024 * 1024
