import type { IncomingHttpHeaders } from 'node:http'
import type { Upstream } from './upstream'

/**
 * Next 16 answers notFound() on a dynamic route with status 404 but an empty error shell: the
 * not-found page exists only inside the client payload (vercel/next.js#62228), so a reader without
 * JavaScript, or a crawler, gets a blank page. A path that matches no route gets the real,
 * prerendered not-found document; fetch that once and serve it in place of the shell.
 */
const NO_ROUTE_PATH = '/__tripsitter-not-found__'
const ERROR_SHELL = Buffer.from('<html id="__next_error__"')

export function isEmptyNotFoundShell(status: number, headers: IncomingHttpHeaders, body: Buffer): boolean {
  return status === 404 && String(headers['content-type'] ?? '').startsWith('text/html') && body.includes(ERROR_SHELL)
}

export function notFoundDocumentLoader(upstream: Upstream, headers: Record<string, string>): () => Promise<Buffer | null> {
  let loaded: Promise<Buffer | null> | undefined
  return () => {
    loaded ??= upstream.fetchBuffered(NO_ROUTE_PATH, headers, 1024 * 1024).then((outcome) => {
      const ok = outcome.ok && outcome.response.status === 404 && !outcome.response.body.includes(ERROR_SHELL)
      if (!ok) loaded = undefined // try again next time rather than remember a failure
      return ok ? outcome.response.body : null
    })
    return loaded
  }
}
