import type { RequestHandler } from 'express'

/**
 * HEAD answers what GET would, without the body (RFC 9110 9.3.2). Payload's REST router matches
 * endpoints by method and has no HEAD routes, so `HEAD /api/articles` was a 404 while the CORS
 * preflight advertised HEAD. The request is handed on as a GET; Node's response already knows it
 * answers a HEAD (decided when the request arrived) and sends the headers, Content-Length
 * included, but never the body.
 */
export function headAsGet(): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'HEAD') req.method = 'GET'
    next()
  }
}
