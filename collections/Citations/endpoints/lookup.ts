import type { Endpoint } from 'payload'
import { z } from 'zod'
import { cmsEnv } from '@/env'
import { fillFromRecord } from '@/citations/fill'
import { lookupSource, type LookupFailure } from '@/citations/lookup'
import { writesContent } from '../../access/roles'

const Body = z.object({
  doi: z.string().max(512).nullish(),
  pmid: z.string().max(512).nullish(),
})

const STATUS: Readonly<Record<LookupFailure['reason'], number>> = {
  invalid: 400,
  'not-found': 404,
  'rate-limited': 429,
  timeout: 504,
  unavailable: 502,
  malformed: 502,
}

/**
 * POST /api/citations/lookup `{ doi?, pmid? }` — the source record for an identifier, looked up
 * server-side (Crossref, PubMed) for the edit view's "Fill from DOI / PMID" button, which puts it in
 * the form for the editor to check and save. Writes nothing. Staff who write content only: it
 * spends the site's quota at the services. Failures keep the service's meaning: 404 not found,
 * 429 with Retry-After when the service rate limits, 502/504 for a bad or missing answer.
 */
export const lookupEndpoint: Endpoint = {
  path: '/lookup',
  method: 'post',
  handler: async (req) => {
    if (!writesContent(req.user)) return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    let raw: unknown
    try {
      raw = await req.json?.()
    } catch {
      raw = undefined
    }
    const body = Body.safeParse(raw)
    if (!body.success) return Response.json({ errors: [{ message: 'Send JSON { "doi": "...", "pmid": "..." }' }] }, { status: 400 })
    const env = cmsEnv()
    const result = await lookupSource(body.data, { crossrefUrl: env.CROSSREF_URL, pubmedUrl: env.PUBMED_URL })
    if (!result.ok) {
      const headers: Record<string, string> = result.retryAfterSeconds !== undefined ? { 'retry-after': String(result.retryAfterSeconds) } : {}
      return Response.json({ errors: [{ message: result.message }] }, { status: STATUS[result.reason], headers })
    }
    return Response.json({ record: result.record, fill: fillFromRecord(result.record, body.data) })
  },
}
