/**
 * POST /api/revalidate: the CMS's signed "content changed" webhook.
 *
 * Order matters: size limit, then signature over the exact raw bytes, then replay (a signature
 * already accepted is refused), then schema. Nothing is
 * parsed or changed for a request that is not signed, so an anonymous caller cannot empty the cache
 * (which would send every visitor to the renderer at once).
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { REVALIDATE_SIGNATURE_HEADER, verifyRevalidation } from '../../../src/webhook/signature'
import { RevalidationEvent } from '../../../src/webhook/schema'
import type { ReplayGuard } from '../../../src/webhook/replay'
import type { HeaderMap } from './headers'
import type { Log } from './fill'

export const REVALIDATE_PATH = '/api/revalidate'
export const MAX_WEBHOOK_BYTES = 64 * 1024

export interface RevalidateContext {
  secret: string
  security: HeaderMap
  log: Log
  /** Remembers accepted signatures: a replayed delivery purges nothing. */
  replays: ReplayGuard
  /** Invalidates every cached page; returns how many were purged. */
  purge: () => number
}

type ErrorBody = { errors: { message: string }[] }

export function handleRevalidate(req: IncomingMessage, res: ServerResponse, ctx: RevalidateContext): void {
  const reply = (status: number, body: ErrorBody | { revalidated: true; purged: number }, extra: OutgoingHttpHeaders = {}): void => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'cache-control': 'no-store',
      ...ctx.security,
      ...extra,
    })
    res.end(text)
  }
  const error = (status: number, message: string, extra?: OutgoingHttpHeaders): void => reply(status, { errors: [{ message }] }, extra)

  if (req.method !== 'POST') return error(405, 'method not allowed', { allow: 'POST' })
  // Closing the connection after a 413 stops us reading (and the client sending) the rest of the body.
  const tooLarge = (): void => error(413, `body larger than ${MAX_WEBHOOK_BYTES} bytes`, { connection: 'close' })
  if (Number(req.headers['content-length']) > MAX_WEBHOOK_BYTES) return tooLarge()

  const chunks: Buffer[] = []
  let size = 0
  let aborted = false
  req.on('data', (chunk: Buffer) => {
    if (aborted) return
    size += chunk.length
    if (size > MAX_WEBHOOK_BYTES) {
      aborted = true
      tooLarge()
      return
    }
    chunks.push(chunk)
  })
  req.on('error', () => {
    aborted = true
    res.destroy()
  })
  req.on('end', () => {
    if (aborted) return
    const raw = Buffer.concat(chunks, size)
    const signature = req.headers[REVALIDATE_SIGNATURE_HEADER]
    if (!verifyRevalidation(typeof signature === 'string' ? signature : undefined, raw, ctx.secret)) {
      return error(401, 'invalid signature')
    }
    if (!ctx.replays.firstSeen(signature as string)) return error(409, 'this webhook was already received')
    let json: unknown
    try {
      json = JSON.parse(raw.toString('utf8'))
    } catch {
      return error(400, 'body is not valid JSON')
    }
    const parsed = RevalidationEvent.safeParse(json)
    if (!parsed.success) {
      return reply(400, { errors: parsed.error.issues.map((i) => ({ message: `${i.path.join('.') || 'body'}: ${i.message}` })) })
    }
    const purged = ctx.purge()
    const { event, collection, slugs, previousSlugs } = parsed.data
    const renamed = previousSlugs?.length ? ` (was ${previousSlugs.join(', ')})` : ''
    ctx.log(`[web] revalidate: ${event} ${collection} ${slugs.join(', ') || '-'}${renamed}; purged ${purged} page(s)`)
    reply(200, { revalidated: true, purged })
  })
}
