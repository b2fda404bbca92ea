import type { IncomingMessage, Server, ServerResponse } from 'node:http'

const QUIET_MS = 250

/**
 * Stop an HTTP server without dropping requests its clients already sent.
 *
 * Why not just server.close(): a busy process may not yet have accepted or parsed requests that
 * are already on the wire; closing the listener resets the ones still in the kernel's backlog, and
 * closeIdleConnections() cuts accepted sockets whose request has not been read yet (Node 20 sees
 * them as idle). So first keep serving, answering with `Connection: close`, until no request has
 * started for a short quiet period (at most half the grace time); then stop listening, close
 * keep-alive sockets as they go idle, and cut whatever is still open when the grace time is up.
 */
export async function drainHttpServer(server: Server, graceMs: number): Promise<void> {
  let lastRequestAt = Date.now()
  const markClosing = (_req: IncomingMessage, res: ServerResponse) => {
    lastRequestAt = Date.now()
    if (!res.headersSent) res.setHeader('connection', 'close')
  }
  server.prependListener('request', markClosing)
  const started = Date.now()
  while (Date.now() - lastRequestAt < QUIET_MS && Date.now() - started < graceMs / 2) {
    await new Promise((r) => setTimeout(r, 50))
  }
  await new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100)
    const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, graceMs - (Date.now() - started)))
    server.close(() => {
      clearInterval(sweep)
      clearTimeout(cut)
      server.off('request', markClosing)
      resolve()
    })
    server.closeIdleConnections()
  })
}
