/**
 * Child process: the machine's practical limit. A bare node:http server that answers each known
 * path with bytes captured from the real servers (same status, same headers, same body) from
 * memory, with no routing beyond one Map lookup. What the real servers do on top of this is what
 * the ratios in BENCHMARKS.md measure.
 *
 *   node --import tsx bench/baselineServer.ts <routes.json>    prints "listening <port>"
 */
import fs from 'node:fs'
import http, { type OutgoingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { CapturedRoute } from './capture'

const file = process.argv[2]
if (!file) throw new Error('usage: baselineServer.ts <routes.json>')
const routes = new Map<string, { status: number; headers: OutgoingHttpHeaders; body: Buffer }>()
for (const route of JSON.parse(fs.readFileSync(file, 'utf8')) as CapturedRoute[]) {
  routes.set(route.path, { status: route.status, headers: Object.fromEntries(route.headers), body: Buffer.from(route.bodyBase64, 'base64') })
}

const server = http.createServer((req, res) => {
  const route = routes.get(req.url ?? '')
  if (!route) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(route.status, route.headers)
  res.end(route.body)
})
// Same keep-alive behaviour as the real servers' defaults.
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections())
