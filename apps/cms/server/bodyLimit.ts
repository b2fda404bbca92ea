import type { RequestHandler } from 'express'

/**
 * Refuse bodies whose declared length is over the limit before Next reads them. (Chunked bodies
 * without a length are bounded by Payload's own parser limits; counting them here would have to
 * consume the stream Next needs.)
 */
export function bodyLimit(maxBytes: number): RequestHandler {
  const tooLarge = { errors: [{ message: `Request body larger than ${maxBytes} bytes` }] }
  return (req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
      res.set('connection', 'close').status(413).json(tooLarge)
      return
    }
    next()
  }
}
