/**
 * What a visitor sees when upstream fails and no copy of the page exists: a small, self-contained
 * page (no scripts, no external assets, no error details), marked not-to-be-cached and retryable.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { HeaderMap } from './headers'
import { withDirective } from './entry'

export const RETRY_AFTER_SECONDS = 30

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · Tripsitter</title>
<style>body{font:1.125rem/1.6 system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1.5rem;color:#1f2328;background:#fff}h1{font-size:1.5rem;margin:0 0 .5rem}p{margin:0 0 1rem;color:#444}@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}p{color:#b6bec8}}</style>
</head>
<body>
<main>
<h1>The publication is temporarily unavailable</h1>
<p>We could not load this page just now. Please try again in a minute.</p>
<p><a href="/">Go to the front page</a></p>
</main>
</body>
</html>
`

const JSON_BODY = JSON.stringify({ errors: [{ message: 'The publication is temporarily unavailable' }] })

const TOO_MANY_HTML = HTML.replace('Temporarily unavailable', 'Too many requests')
  .replace('The publication is temporarily unavailable', 'Too many new pages requested')
  .replace('We could not load this page just now. Please try again in a minute.', 'This address asked for more pages than we render for one visitor in a minute. Please try again shortly.')
const TOO_MANY_JSON = JSON.stringify({ errors: [{ message: 'Too many requests; retry after the time in Retry-After' }] })

export interface UnavailableResponses {
  html: { headers: OutgoingHttpHeaders; body: Buffer }
  json: { headers: OutgoingHttpHeaders; body: Buffer }
}

function build(security: HeaderMap, html: string, json: string): UnavailableResponses {
  const make = (type: string, text: string) => {
    const body = Buffer.from(text)
    const headers: OutgoingHttpHeaders = {
      'content-type': type,
      'content-length': String(body.length),
      'cache-control': 'no-store',
      'retry-after': String(RETRY_AFTER_SECONDS),
      ...security,
    }
    headers['content-security-policy'] = withDirective(headers['content-security-policy'], "script-src 'none'")
    return { headers, body }
  }
  return { html: make('text/html; charset=utf-8', html), json: make('application/json; charset=utf-8', json) }
}

export const buildUnavailable = (security: HeaderMap): UnavailableResponses => build(security, HTML, JSON_BODY)
/** The answer to a client over its render budget when no copy of the page exists (429). */
export const buildTooMany = (security: HeaderMap): UnavailableResponses => build(security, TOO_MANY_HTML, TOO_MANY_JSON)

export function sendUnavailable(req: IncomingMessage, res: ServerResponse, responses: UnavailableResponses, status = 503, retryAfterSeconds?: number): void {
  const { headers, body } = req.url?.startsWith('/api/') ? responses.json : responses.html
  res.writeHead(status, retryAfterSeconds === undefined ? headers : { ...headers, 'retry-after': String(retryAfterSeconds) })
  res.end(req.method === 'HEAD' ? undefined : body)
}
