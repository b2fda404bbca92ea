/**
 * Outbound links of a reference. Identifiers are typed by hand in the CMS, in whatever form the
 * editor copied ("doi:10.1/x", "https://doi.org/10.1/x", "PMID: 123"), so they are normalised here;
 * and a stored URL is only ever linked when it is http(s), never `javascript:` or `data:`.
 */
import type { Citation } from '@/cms/schemas'
import { doiUrl, normalizeDoi, normalizePmid, pubmedUrl } from '@/citations/identifiers'

export interface ReferenceLink {
  kind: 'doi' | 'pubmed' | 'url'
  href: string
  /** Visible text: the identifier itself, so printouts and screen readers say what it is. */
  label: string
}

// One definition of what a DOI or PMID is, shared with the CMS's validation.
export { doiUrl, normalizeDoi, normalizePmid, pubmedUrl } from '@/citations/identifiers'

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
