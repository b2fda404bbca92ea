/**
 * Outbound links of a reference. Identifiers are typed by hand in the CMS, in whatever form the
 * editor copied ("doi:10.1/x", "https://doi.org/10.1/x", "PMID: 123"), so they are normalised here;
 * and a stored URL is only ever linked when it is http(s), never `javascript:` or `data:`.
 */
import type { Citation } from '@/cms/schemas'

export interface ReferenceLink {
  kind: 'doi' | 'pubmed' | 'url'
  href: string
  /** Visible text: the identifier itself, so printouts and screen readers say what it is. */
  label: string
}

/** "10.1176/appi.ajp.163.1.153" from any of the usual spellings; null when it is not a DOI. */
export function normalizeDoi(raw: string | null): string | null {
  if (!raw) return null
  const doi = raw
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '')
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : null
}

/** Keeps the DOI's slashes readable while escaping what would end or corrupt the URL (#, ?, %, spaces). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`
}

export function normalizePmid(raw: string | null): string | null {
  if (!raw) return null
  const pmid = raw.trim().replace(/^pmid:?\s*/i, '')
  return /^\d{1,9}$/.test(pmid) ? pmid : null
}

export const pubmedUrl = (pmid: string): string => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`

/** The URL as a string when it is absolute http(s), else null. */
export function safeHttpUrl(raw: string | null): string | null {
  if (!raw) return null
  try {
    const url = new URL(raw.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

type LinkSource = Pick<Citation, 'doi' | 'pmid' | 'url'>

/** DOI, then PubMed, then the plain URL (skipped when it merely repeats the DOI or PubMed link). */
export function referenceLinks(citation: LinkSource): ReferenceLink[] {
  const links: ReferenceLink[] = []
  const doi = normalizeDoi(citation.doi)
  if (doi) links.push({ kind: 'doi', href: doiUrl(doi), label: `doi:${doi}` })
  const pmid = normalizePmid(citation.pmid)
  if (pmid) links.push({ kind: 'pubmed', href: pubmedUrl(pmid), label: `PMID ${pmid}` })
  const url = safeHttpUrl(citation.url)
  if (url && !links.some((l) => l.href === url)) links.push({ kind: 'url', href: url, label: url })
  return links
}

/** "cite-3-2" -> its occurrence number 2; falls back to the position in `citedFrom` for other id shapes. */
export function occurrenceNumber(elementId: string, index: number): number {
  const match = /^cite-\d+-(\d+)$/.exec(elementId)
  return match ? Number(match[1]) : index + 1
}
