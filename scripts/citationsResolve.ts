/**
 * npm run citations:resolve [-- --dry-run]
 *
 * Fills every citation that has a DOI or PMID but no title from Crossref (DOI) or PubMed (PMID),
 * at CROSSREF_URL / PUBMED_URL. One citation at a time, each saved on its own: a lookup that fails
 * (not found, rate limited, timed out, malformed answer) leaves that citation exactly as it was and
 * is reported by identifier. --dry-run prints what would be filled and writes nothing.
 * Exit 0 when every lookup succeeded, 1 when any failed.
 */
import type { Payload } from 'payload'
import { fillFromRecord } from '../src/citations/fill'
import { lookupSource, type LookupOptions } from '../src/citations/lookup'
import { runMain } from './lib/runMain'
import { openPayload } from './lib/startup'
import { cmsEnv } from '../src/env'

export class ResolveError extends Error {}

type Row = { id: number | string; label: string; doi?: string | null; pmid?: string | null }

export async function resolveCitations(payload: Payload, opts: LookupOptions & { dryRun: boolean; log: (line: string) => void }): Promise<{ filled: number; failed: number }> {
  const { docs } = await payload.find({
    collection: 'citations',
    where: { and: [{ or: [{ doi: { exists: true } }, { pmid: { exists: true } }] }, { or: [{ title: { exists: false } }, { title: { equals: '' } }] }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'id',
  })
  let filled = 0
  let failed = 0
  for (const c of docs as unknown as Row[]) {
    if (!c.doi && !c.pmid) continue
    const result = await lookupSource({ doi: c.doi, pmid: c.pmid }, opts)
    if (!result.ok) {
      failed++
      opts.log(`failed: ${c.label}: ${result.message}`)
      continue
    }
    const data = fillFromRecord(result.record, c)
    opts.log(`${opts.dryRun ? 'would fill' : 'filled'}: ${c.label}: "${data.title}"${data.journal ? `, ${data.journal}` : ''}`)
    if (!opts.dryRun) await payload.update({ collection: 'citations', id: c.id, data, overrideAccess: true, depth: 0 })
    filled++
  }
  if (docs.length === 0) opts.log('nothing to resolve: every citation with an identifier has a title')
  return { filled, failed }
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((a) => a !== '--dry-run')
  if (unknown.length > 0) throw new ResolveError(`unknown argument ${unknown.join(' ')} (use --dry-run)`)
  const env = cmsEnv()
  const payload = await openPayload()
  try {
    const dryRun = argv.includes('--dry-run')
    const { filled, failed } = await resolveCitations(payload, { crossrefUrl: env.CROSSREF_URL, pubmedUrl: env.PUBMED_URL, dryRun, log: (l) => console.log(l) })
    console.log(`${filled} ${dryRun ? 'to fill' : 'filled'}, ${failed} failed${dryRun ? ' (dry run: nothing written)' : ''}`)
    return failed > 0 ? 1 : 0
  } finally {
    await payload.destroy()
  }
}

runMain(import.meta.url, main, (err): err is ResolveError => err instanceof ResolveError)
