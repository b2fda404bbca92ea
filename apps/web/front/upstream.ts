/**
 * Requests to the Next server behind the front server, over one keep-alive agent.
 */
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http'

export interface BufferedResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

export type BufferedOutcome =
  | { ok: true; response: BufferedResponse }
  | { ok: false; reason: string; tooLarge: boolean }

export class Upstream {
  readonly agent: http.Agent

  constructor(
    readonly url: URL,
    readonly timeoutMs: number,
  ) {
    // Enough sockets for a burst of distinct misses; single-flight keeps it far below this for one key.
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  }

  request(method: string, path: string, headers: OutgoingHttpHeaders): http.ClientRequest {
    return http.request({ agent: this.agent, hostname: this.url.hostname, port: this.url.port, method, path, headers })
  }

  /**
   * GET into memory, for cache fills. Settles (never rejects) within `timeoutMs` from the start,
   * so a hung render cannot hold a key's single-flight slot forever.
   */
  fetchBuffered(path: string, headers: OutgoingHttpHeaders, maxBytes: number): Promise<BufferedOutcome> {
    return new Promise((resolve) => {
      let settled = false
      const settle = (outcome: BufferedOutcome): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(outcome)
      }
      const fail = (reason: string, tooLarge = false): void => {
        settle({ ok: false, reason, tooLarge })
        req.destroy()
      }
      const req = this.request('GET', path, headers)
      const timer = setTimeout(() => fail(`timed out after ${this.timeoutMs} ms`), this.timeoutMs)
      req.on('error', (err) => fail(err.message))
      req.on('response', (res) => {
        const declared = Number(res.headers['content-length'])
        if (declared > maxBytes) return fail('too large', true)
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBytes) return fail('too large', true)
          chunks.push(chunk)
        })
        res.on('end', () => settle({ ok: true, response: { status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks, size) } }))
        res.on('error', (err) => fail(err.message))
        res.on('close', () => {
          if (!res.complete) fail('upstream closed the response early')
        })
      })
      req.end()
    })
  }

  close(): void {
    this.agent.destroy()
  }
}
