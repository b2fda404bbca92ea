/**
 * Looking a source up by its identifier: Crossref's REST API for DOIs (`GET /works/{doi}`, the
 * record in `message`) and NCBI E-utilities for PMIDs (`GET /esummary.fcgi?db=pubmed&id=...&retmode=json`,
 * the record in `result[pmid]`).
 *
 * Every answer is zod-parsed and mapped to one complete SourceRecord, or the lookup fails as a
 * whole with a message naming the identifier: a caller never gets a half-filled record. Base URLs
 * come from the caller (CROSSREF_URL, PUBMED_URL), so tests point them at a local server. Nothing
 * calls these on a page view: only the editor's "Fill from DOI / PMID" and `citations:resolve`.
 */
import { z } from 'zod'
import { normalizeDoi, normalizePmid } from './identifiers'
import { SourceRecord, type Name } from './record'
import type { PublicationType } from './publicationTypes'

export interface LookupOptions {
  crossrefUrl: string
  pubmedUrl: string
  /** Per request; the default keeps an editor's click from hanging on a slow service. */
  timeoutMs?: number
  fetch?: typeof fetch
}

export type LookupFailure = {
  ok: false
  reason: 'invalid' | 'not-found' | 'rate-limited' | 'timeout' | 'unavailable' | 'malformed'
  message: string
  retryAfterSeconds?: number
}
export type LookupResult = { ok: true; record: SourceRecord } | LookupFailure

const DEFAULT_TIMEOUT_MS = 10_000

// --- Crossref ---------------------------------------------------------------------------------

const CrossrefDate = z.looseObject({ 'date-parts': z.array(z.array(z.number().nullable())) })
const CrossrefWork = z.looseObject({
  DOI: z.string(),
  type: z.string(),
  title: z.array(z.string()).default([]),
  author: z.array(z.looseObject({ family: z.string().optional(), given: z.string().optional(), suffix: z.string().optional(), name: z.string().optional() })).default([]),
  'container-title': z.array(z.string()).default([]),
  'short-container-title': z.array(z.string()).default([]),
  volume: z.string().optional(),
  issue: z.string().optional(),
  page: z.string().optional(),
  'article-number': z.string().optional(),
  issued: CrossrefDate.optional(),
  published: CrossrefDate.optional(),
  URL: z.string().optional(),
})
export const CrossrefResponse = z.looseObject({ status: z.literal('ok'), 'message-type': z.literal('work'), message: CrossrefWork })

const CROSSREF_TYPES: Readonly<Record<string, PublicationType>> = {
  'journal-article': 'article-journal',
  book: 'book',
  monograph: 'book',
  'edited-book': 'book',
  'book-chapter': 'chapter',
  report: 'report',
  dissertation: 'thesis',
  dataset: 'dataset',
}

function fromCrossref(work: z.infer<typeof CrossrefWork>): SourceRecord {
  const year = (work.issued ?? work.published)?.['date-parts'][0]?.[0] ?? null
  return SourceRecord.parse({
    authorList: work.author.flatMap((a): Name[] => {
      const family = a.family ?? a.name
      return family ? [{ family, given: a.given ?? null, suffix: a.suffix ?? null }] : []
    }),
    title: work.title[0] ?? '',
    journal: work['container-title'][0] ?? null,
    journalAbbreviation: work['short-container-title'][0] ?? null,
    year,
    volume: work.volume ?? null,
    issue: work.issue ?? null,
    pages: work.page ?? work['article-number'] ?? null,
    doi: normalizeDoi(work.DOI),
    pmid: null,
    url: null,
    publicationType: CROSSREF_TYPES[work.type] ?? 'article-journal',
  })
}

// --- PubMed esummary ----------------------------------------------------------------------------

const PubmedSummary = z.looseObject({
  uid: z.string(),
  error: z.string().optional(),
  title: z.string().optional(),
  source: z.string().optional(),
  fulljournalname: z.string().optional(),
  pubdate: z.string().optional(),
  volume: z.string().optional(),
  issue: z.string().optional(),
  pages: z.string().optional(),
  authors: z.array(z.looseObject({ name: z.string(), authtype: z.string().optional() })).optional(),
  articleids: z.array(z.looseObject({ idtype: z.string(), value: z.string() })).optional(),
  pubtype: z.array(z.string()).optional(),
})
export const PubmedResponse = z.looseObject({
  result: z.looseObject({ uids: z.array(z.string()) }).catchall(z.unknown()),
})

/** "Zarate CA Jr" -> Zarate / CA / Jr: MEDLINE names are "Family Initials [Suffix]". */
function medlineName(name: string): Name {
  const parts = name.trim().split(/\s+/)
  const suffix = parts.length > 2 && /^(?:Jr|Sr|II|III|IV|2nd|3rd)$/.test(parts.at(-1) ?? '') ? (parts.pop() ?? null) : null
  const initials = parts.length > 1 && /^[A-Z]{1,4}$/.test(parts.at(-1) ?? '') ? (parts.pop() ?? null) : null
  return { family: parts.join(' '), given: initials, suffix }
}

/** "856-64" -> "856-864": MEDLINE abbreviates the last page. */
export function expandPages(pages: string): string {
  const m = /^(\d+)-(\d+)$/.exec(pages.trim())
  if (!m || !m[1] || !m[2] || m[2].length >= m[1].length) return pages.trim()
  return `${m[1]}-${m[1].slice(0, m[1].length - m[2].length)}${m[2]}`
}

function fromPubmed(summary: z.infer<typeof PubmedSummary>): SourceRecord {
  const year = Number(/^\d{4}/.exec(summary.pubdate ?? '')?.[0])
  const doi = summary.articleids?.find((a) => a.idtype === 'doi')?.value
  return SourceRecord.parse({
    authorList: (summary.authors ?? []).filter((a) => !a.authtype || a.authtype === 'Author').map((a) => medlineName(a.name)),
    // MEDLINE titles end with a full stop that is not part of the title.
    title: (summary.title ?? '').replace(/\.$/, ''),
    journal: summary.fulljournalname || summary.source || null,
    // esummary's `source` is the NLM abbreviation ("Arch Gen Psychiatry").
    journalAbbreviation: summary.source || null,
    year: Number.isInteger(year) && year > 0 ? year : null,
    volume: summary.volume || null,
    issue: summary.issue || null,
    pages: summary.pages ? expandPages(summary.pages) : null,
    doi: normalizeDoi(doi),
    pmid: summary.uid,
    url: null,
    publicationType: summary.pubtype?.includes('Book') ? 'book' : 'article-journal',
  })
}

// --- HTTP -------------------------------------------------------------------------------------

async function getJson(url: string, what: string, opts: LookupOptions): Promise<{ ok: true; body: unknown } | LookupFailure> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let res: Response
  try {
    res = await (opts.fetch ?? fetch)(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' })
  } catch (error) {
    const name = (error as Error).name
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, reason: 'timeout', message: `${what}: no answer within ${timeoutMs / 1000} s; try again later` }
    return { ok: false, reason: 'unavailable', message: `${what}: the service could not be reached (${(error as Error).message})` }
  }
  if (res.status === 404) {
    await res.body?.cancel()
    return { ok: false, reason: 'not-found', message: `${what}: not found` }
  }
  if (res.status === 429) {
    await res.body?.cancel()
    const retry = Number(res.headers.get('retry-after'))
    const retryAfterSeconds = Number.isFinite(retry) && retry >= 0 ? retry : undefined
    return {
      ok: false,
      reason: 'rate-limited',
      message: `${what}: the service is rate limiting requests; try again ${retryAfterSeconds !== undefined ? `in ${retryAfterSeconds} s` : 'later'}`,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    }
  }
  if (!res.ok) {
    await res.body?.cancel()
    return { ok: false, reason: 'unavailable', message: `${what}: the service answered ${res.status}` }
  }
  try {
    return { ok: true, body: JSON.parse(await res.text()) }
  } catch {
    return { ok: false, reason: 'malformed', message: `${what}: the service's answer is not valid JSON` }
  }
}

const malformed = (what: string, error: unknown): LookupFailure => ({
  ok: false,
  reason: 'malformed',
  message: `${what}: the service's answer is not a usable record${error instanceof z.ZodError ? ` (${error.issues[0]?.path.join('.') || 'record'}: ${error.issues[0]?.message})` : ''}`,
})

export async function lookupDoi(raw: string, opts: LookupOptions): Promise<LookupResult> {
  const doi = normalizeDoi(raw)
  if (!doi) return { ok: false, reason: 'invalid', message: `DOI ${raw.slice(0, 80)}: not a DOI` }
  const what = `DOI ${doi}`
  const answer = await getJson(`${opts.crossrefUrl}/works/${encodeURIComponent(doi)}`, what, opts)
  if (!answer.ok) return answer
  try {
    return { ok: true, record: fromCrossref(CrossrefResponse.parse(answer.body).message) }
  } catch (error) {
    return malformed(what, error)
  }
}

export async function lookupPmid(raw: string, opts: LookupOptions): Promise<LookupResult> {
  const pmid = normalizePmid(raw)
  if (!pmid) return { ok: false, reason: 'invalid', message: `PMID ${raw.slice(0, 80)}: not a PMID` }
  const what = `PMID ${pmid}`
  const answer = await getJson(`${opts.pubmedUrl}/esummary.fcgi?db=pubmed&retmode=json&id=${pmid}`, what, opts)
  if (!answer.ok) return answer
  try {
    const summary = PubmedSummary.parse(PubmedResponse.parse(answer.body).result[pmid])
    // esummary answers 200 for an unknown id, with an error in place of the record.
    if (summary.error) return { ok: false, reason: 'not-found', message: `${what}: not found (${summary.error})` }
    return { ok: true, record: fromPubmed(summary) }
  } catch (error) {
    return malformed(what, error)
  }
}

/**
 * The record for a citation's identifiers: Crossref by DOI when there is one (richer metadata),
 * and the PMID from PubMed kept alongside; PubMed alone otherwise.
 */
export async function lookupSource(ids: { doi?: string | null; pmid?: string | null }, opts: LookupOptions): Promise<LookupResult> {
  if (ids.doi) {
    const result = await lookupDoi(ids.doi, opts)
    if (!result.ok || !ids.pmid) return result
    const pmid = normalizePmid(ids.pmid)
    return { ok: true, record: { ...result.record, pmid } }
  }
  if (ids.pmid) return lookupPmid(ids.pmid, opts)
  return { ok: false, reason: 'invalid', message: 'Give a DOI or a PMID to look up' }
}
