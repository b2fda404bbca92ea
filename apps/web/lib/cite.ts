/**
 * "Cite this article" and the reference downloads, as CSL-JSON for the formatter in
 * `src/citations/format.ts` (citation-js): the article itself, and the references it cites.
 * Pure functions, so the exact strings are pinned by unit tests (tests/unit/web/cite.test.ts).
 */
import type { AssembledArticle, Citation } from '@/cms/schemas'
import { toCsl, type CslData } from '@/citations/record'
import { normalizeDoi, normalizePmid } from '@/citations/identifiers'
import { parseDate } from './dates'
import { safeHttpUrl } from './references'

export interface CiteSource {
  slug: string
  title: string
  /** Full names as stored in the CMS, e.g. "Carlos A. Zarate Jr." */
  authors: readonly string[]
  publishedAt: string | null
  /** The site or publication name, e.g. "Tripsitter Psychedelics". */
  siteName: string
  /** Absolute canonical URL of the article. */
  url: string
}

const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv'])

/** "Carlos A. Zarate Jr." -> Zarate / Carlos A. / Jr.; "Zarate, Carlos" -> Zarate / Carlos; "Plato" -> Plato. */
export function personName(fullName: string): { family: string; given?: string; suffix?: string } {
  const name = fullName.trim().replace(/\s+/g, ' ')
  if (name.includes(',')) {
    const [family = '', given = ''] = name.split(',', 2).map((s) => s.trim())
    return given ? { family, given } : { family }
  }
  const parts = name.split(' ').filter(Boolean)
  const last = parts.at(-1)
  const suffix = parts.length > 2 && last && NAME_SUFFIXES.has(last.toLowerCase()) ? parts.pop() : undefined
  const family = parts.pop() ?? ''
  return { family, ...(parts.length > 0 ? { given: parts.join(' ') } : {}), ...(suffix ? { suffix } : {}) }
}

/** "tripsitter-ketamine-2024": stable, and unique enough within one reader's library. */
export function citeKey(slug: string, publishedAt: string | null): string {
  const year = parseDate(publishedAt)?.getUTCFullYear()
  const safeSlug = slug.replace(/[^a-z0-9-]/gi, '')
  return year ? `tripsitter-${safeSlug}-${year}` : `tripsitter-${safeSlug}`
}

/** The article as a CSL web page of its publication. */
export function articleCsl(src: CiteSource): CslData {
  const date = parseDate(src.publishedAt)
  const authors = src.authors.map(personName).filter((a) => a.family !== '')
  return {
    id: citeKey(src.slug, src.publishedAt),
    type: 'webpage',
    title: src.title.trim(),
    ...(authors.length > 0 ? { author: authors } : {}),
    'container-title': src.siteName,
    ...(date ? { issued: { 'date-parts': [[date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]] } } : {}),
    URL: src.url,
  }
}

/**
 * A reference is a source only when a reader could find it: a title, and a DOI, PMID or URL. A bare
 * in-text label ("Caddy et al. (2015)") is shown and flagged on the page, but never published as
 * machine-readable metadata (tags, JSON-LD, downloads), where it would pass for a verified work.
 */
export function isCitableSource(c: Pick<Citation, 'title' | 'doi' | 'pmid' | 'url'>): boolean {
  return Boolean(c.title?.trim()) && Boolean(normalizeDoi(c.doi) || normalizePmid(c.pmid) || safeHttpUrl(c.url))
}

export const referenceId = (c: Pick<Citation, 'number'>): string => `ref-${c.number}`

export const referenceCsl = (c: Citation): CslData => toCsl({ ...c, url: safeHttpUrl(c.url) }, referenceId(c))

/** What the downloads hold: the article, then every reference that is a findable source, in reference order. */
export function downloadItems(article: AssembledArticle, src: CiteSource): CslData[] {
  const references = [...article.citations].sort((a, b) => a.number - b.number).filter(isCitableSource)
  return [articleCsl(src), ...references.map(referenceCsl)]
}
