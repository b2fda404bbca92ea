/**
 * A local stand-in for Crossref and NCBI E-utilities: a real HTTP server on a free port answering
 * with the recorded-format fixtures in tests/fixtures/lookup, plus the failure modes a lookup must
 * survive. Point CROSSREF_URL at `${url}/crossref` and PUBMED_URL at `${url}/eutils`.
 *
 * Identifiers with special answers: DOI 10.5555/slow and PMID 22222222 never answer; 10.5555/busy
 * and 33333333 answer 429 with Retry-After: 30; 10.5555/garbled and 44444444 answer broken JSON.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { repoRoot } from '../../src/env'

const fixture = (name: string): string => fs.readFileSync(path.join(repoRoot, 'tests/fixtures/lookup', name), 'utf8')

export type LookupServer = { url: string; crossrefUrl: string; pubmedUrl: string; requests: string[]; close: () => Promise<void> }

export async function startLookupServer(): Promise<LookupServer> {
  const requests: string[] = []
  const held = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    requests.push(`${req.method} ${url.pathname}${url.search}`)
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      res.end(body)
    }
    let key: string | null = null
    if (url.pathname.startsWith('/crossref/works/')) key = `doi:${decodeURIComponent(url.pathname.slice('/crossref/works/'.length)).toLowerCase()}`
    else if (url.pathname === '/eutils/esummary.fcgi' && url.searchParams.get('db') === 'pubmed') key = `pmid:${url.searchParams.get('id')}`
    switch (key) {
      case 'doi:10.1001/archpsyc.63.8.856':
        return send(200, fixture('crossref-archpsyc.63.8.856.json'))
      case 'pmid:16894061':
        return send(200, fixture('esummary-16894061.json'))
      case 'pmid:99999999':
        return send(200, fixture('esummary-unknown.json'))
      case 'doi:10.5555/slow':
      case 'pmid:22222222':
        held.add(res) // never answered: the client's timeout must end it
        return
      case 'doi:10.5555/busy':
      case 'pmid:33333333':
        return send(429, '{"status":"error","message":"Too many requests"}', { 'retry-after': '30' })
      case 'doi:10.5555/garbled':
      case 'pmid:44444444':
        return send(200, '{"status":"ok","message-type":"work","message":{"DOI":')
      default:
        // Crossref's own 404 is plain text.
        res.writeHead(404, { 'content-type': 'text/plain' })
        return res.end('Resource not found.')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    crossrefUrl: `${url}/crossref`,
    pubmedUrl: `${url}/eutils`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
