/**
 * A real HTTP server on a free port for client tests: the client's fetch, timeouts and retries
 * run against actual sockets, not a mocked fetch.
 */
import http from 'node:http'

export interface RecordedRequest {
  method: string
  /** Path and query exactly as received, e.g. `/api/articles?depth=0&...`. */
  url: string
  headers: http.IncomingHttpHeaders
}

export type Handler = (req: RecordedRequest, res: http.ServerResponse) => void

export interface LocalServer {
  baseURL: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: RecordedRequest[] = []
  const server = http.createServer((req, res) => {
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers }
    requests.push(recorded)
    handler(recorded, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address')
  return {
    baseURL: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Handlers that never answer (timeout tests) and keep-alive sockets would hold close() open.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** Query parameters of a recorded request. */
export const queryOf = (req: RecordedRequest) => new URL(req.url, 'http://local').searchParams
