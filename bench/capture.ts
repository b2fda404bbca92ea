/**
 * Capturing a real response byte for byte (status, headers, body) so the baseline server can
 * replay it. node:http rather than fetch: fetch decompresses and hides hop-by-hop headers.
 */
import http from 'node:http'

export interface CapturedRoute {
  /** Path and query the baseline answers on. */
  path: string
  status: number
  headers: [string, string][]
  bodyBase64: string
}

// Node's http server writes these itself on every response, for the baseline as for the real servers.
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

export interface Captured {
  status: number
  headers: [string, string][]
  body: Buffer
}

export interface CaptureRequest {
  headers?: Record<string, string>
  method?: 'GET' | 'POST'
  body?: string
}

export function capture(url: string, { headers = {}, method = 'GET', body }: CaptureRequest = {}): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        const pairs: [string, string][] = []
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!.toLowerCase()
          if (!PER_CONNECTION.has(name)) pairs.push([name, res.rawHeaders[i + 1]!])
        }
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

export function asRoute(path: string, captured: Captured): CapturedRoute {
  // A body read without Content-Length (chunked) is replayed with one, as a cached copy would be.
  const headers = captured.headers.some(([n]) => n === 'content-length') ? captured.headers : [...captured.headers, ['content-length', String(captured.body.length)] as [string, string]]
  return { path, status: captured.status, headers, bodyBase64: captured.body.toString('base64') }
}
