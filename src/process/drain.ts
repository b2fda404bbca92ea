import type { IncomingMessage, Server, ServerResponse } from 'node:http'

const QUIET_MS = 250
/** Turns of the event loop (each with an I/O poll) that must pass with no new connection or request. */
const QUIET_TURNS = 5

/**
 * Stop an HTTP server without dropping requests its clients already sent.
 *
 * Why not just server.close(): a busy process may not yet have accepted or parsed requests that
 * are already on the wire; closing the listener resets the ones still in the kernel's backlog, and
 * closeIdleConnections() cuts accepted sockets whose request has not been read yet (Node 20 sees
 * them as idle). So first keep serving, answering with `Connection: close`, until no request has
 * started for a short quiet period (at most half the grace time); then stop listening, close
 * keep-alive sockets as they go idle, and cut whatever is still open when the grace time is up.
 *
 * Quiet is counted in turns of the event loop as well as in time: a process busy with one long
 * request (a large GraphQL query) sees 250 ms pass without having polled its listener once, while
 * connections wait in the backlog. Each turn here lets the loop poll I/O (setImmediate runs after
 * the poll phase), and an accepted connection counts as activity before its request is parsed.
 */
export async function drainHttpServer(server: Server, graceMs: number): Promise<void> {
  let lastActivityAt = Date.now()
  let quietTurns = 0
  const active = () => {
    lastActivityAt = Date.now()
    quietTurns = 0
  }
  const markClosing = (_req: IncomingMessage, res: ServerResponse) => {
    active()
    if (!res.headersSent) res.setHeader('connection', 'close')
  }
  server.prependListener('connection', active)
  server.prependListener('request', markClosing)
  const started = Date.now()
  while (Date.now() - started < graceMs / 2) {
    await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setImmediate(r))
    quietTurns++
    if (quietTurns >= QUIET_TURNS && Date.now() - lastActivityAt >= QUIET_MS) break
  }
  await new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100)
    const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, graceMs - (Date.now() - started)))
    server.close(() => {
      clearInterval(sweep)
      clearTimeout(cut)
      server.off('request', markClosing)
      server.off('connection', active)
      resolve()
    })
    server.closeIdleConnections()
  })
}
