/**
 * A request line may name a whole URL (`GET http://other.example/page HTTP/1.1`, the absolute form
 * proxies use). Neither server is a proxy, and Next builds redirects from the request URL, so a
 * trailing-slash redirect for such a request pointed readers at the host the client named. Both
 * servers serve it as the path it names on this site (the origin form), which is also what a
 * request with that path and our Host would get.
 */
import type { IncomingMessage } from 'node:http'

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\//i

/** Rewrites `req.url` to its path and query when the request line carried an absolute URL. */
export function toOriginForm(req: IncomingMessage): void {
  const url = req.url ?? '/'
  if (!ABSOLUTE_FORM.test(url)) return
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    req.url = '/'
    return
  }
  req.url = `${parsed.pathname}${parsed.search}`
}
