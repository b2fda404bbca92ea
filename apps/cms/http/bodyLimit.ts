import type { RequestHandler } from 'express'

/**
 * Refuse bodies over the limit before Next reads them: 413 when the declared length is over it.
 *
 * A chunked body (Transfer-Encoding, no Content-Length) has no declared size, and Payload reads a
 * JSON body whole with no limit of its own: a 3 MB chunked POST was accepted and stored. Counting
 * the bytes here would consume the stream Next needs, so such bodies are refused with 411 Length
 * Required (RFC 9110 15.5.12). Browsers, the admin and fetch() always send a length for string,
 * JSON and FormData bodies; only hand-built streaming clients are affected, and they can retry.
 */
export function bodyLimit(maxBytes: number): RequestHandler {
  const tooLarge = { errors: [{ message: `Request body larger than ${maxBytes} bytes` }] }
  const lengthRequired = { errors: [{ message: 'Request bodies must declare a Content-Length (chunked bodies are not accepted)' }] }
  return (req, res, next) => {
    if (req.headers['transfer-encoding'] !== undefined) {
      res.set('connection', 'close').status(411).json(lengthRequired)
      return
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
      res.set('connection', 'close').status(413).json(tooLarge)
      return
    }
    next()
  }
}
