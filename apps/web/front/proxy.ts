/**
 * Streaming pass-through for everything the cache does not serve: other methods, draft/preview
 * sessions, /api/*, and responses that cannot be shared. Status, headers and body are relayed as
 * they come, minus hop-by-hop headers, plus the security headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import http from 'node:http'
import type { Duplex } from 'node:stream'
import { pipeline } from 'node:stream'
import { endToEndHeaders, forwardedRequestHeaders, forwardingHeaders, withSecurityHeaders, type HeaderMap } from './headers'
import type { Upstream } from './upstream'
import { withDirective } from './entry'
import { newNonce, nonceScriptSrc } from '../../../src/http/csp'

export interface ProxyContext {
  upstream: Upstream
  security: HeaderMap
  /** Called when upstream fails before any response header was sent to the client. */
  onUnavailable: (req: IncomingMessage, res: ServerResponse, reason: string) => void
  /** Development: pages need eval for hot reloading. */
  dev: boolean
}

const DROP_FROM_RESPONSE = new Set(['x-powered-by'])

export function proxyRequest(req: IncomingMessage, res: ServerResponse, ctx: ProxyContext): void {
  // Rendered for this visitor alone, so a nonce: Next reads it from the request's policy and stamps
  // it on each script it emits; the response's policy allows exactly those.
  const scriptSrc = nonceScriptSrc(newNonce(), ctx.dev)
  const requestHeaders = forwardedRequestHeaders(req)
  requestHeaders['content-security-policy'] = scriptSrc
  const upstreamReq = ctx.upstream.request(req.method ?? 'GET', req.url ?? '/', requestHeaders)
  // Idle timeout while waiting for the response head; once streaming, a slow body is the client's business.
  upstreamReq.setTimeout(ctx.upstream.timeoutMs, () => upstreamReq.destroy(new Error(`timed out after ${ctx.upstream.timeoutMs} ms`)))

  upstreamReq.on('response', (upstreamRes) => {
    upstreamReq.setTimeout(0)
    const headers = withSecurityHeaders(endToEndHeaders(upstreamRes.headers, DROP_FROM_RESPONSE), ctx.security)
    headers['content-security-policy'] = withDirective(headers['content-security-policy'], scriptSrc)
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, headers)
    pipeline(upstreamRes, res, () => {
      // Either side failed mid-body; the pipeline has already destroyed both streams.
    })
  })
  upstreamReq.on('error', (err) => {
    if (!res.headersSent) ctx.onUnavailable(req, res, err.message)
    else res.destroy()
  })
  // A visitor who goes away should not keep an upstream render streaming into nothing.
  res.on('close', () => {
    if (!res.writableFinished) upstreamReq.destroy()
  })
  pipeline(req, upstreamReq, () => {
    // Request body errors surface on upstreamReq's 'error' handler above.
  })
}

/**
 * WebSocket and other Upgrade requests (Next's dev-mode HMR socket). The two sockets are spliced
 * together after upstream agrees to switch protocols.
 */
export function proxyUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, upstream: Upstream): void {
  const headers = { ...req.headers, ...forwardingHeaders(req) }
  const upstreamReq = http.request({
    hostname: upstream.url.hostname,
    port: upstream.url.port,
    method: req.method,
    path: req.url,
    headers,
    agent: false, // an upgraded socket never returns to a pool
  })
  const fail = (): void => {
    socket.destroy()
    upstreamReq.destroy()
  }
  socket.on('error', fail)
  upstreamReq.on('error', fail)
  upstreamReq.on('response', (res) => {
    // Upstream refused the upgrade: relay its plain HTTP answer and close.
    socket.write(statusBlock(res.statusCode ?? 502, res.statusMessage ?? '', res.rawHeaders))
    res.pipe(socket)
  })
  upstreamReq.on('upgrade', (res, upstreamSocket, upstreamHead) => {
    upstreamSocket.on('error', fail)
    socket.write(statusBlock(res.statusCode ?? 101, res.statusMessage ?? 'Switching Protocols', res.rawHeaders))
    if (upstreamHead.length > 0) upstreamSocket.unshift(upstreamHead)
    if (head.length > 0) socket.unshift(head)
    upstreamSocket.pipe(socket).pipe(upstreamSocket)
    // Sockets of an http.Server allow half-open; without this, one side closing could leave the other open forever.
    socket.on('close', () => upstreamSocket.destroy())
    upstreamSocket.on('close', () => socket.destroy())
  })
  upstreamReq.end()
}

function statusBlock(status: number, message: string, rawHeaders: string[]): string {
  let out = `HTTP/1.1 ${status} ${message}\r\n`
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) out += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`
  return `${out}\r\n`
}
