/**
 * DOIs and PubMed IDs as editors paste them, checked and reduced to one canonical spelling.
 *
 * Canonical forms: a DOI is `10.<registrant>/<suffix>` in lower case (DOIs are case-insensitive, so
 * `10.1001/ARCHPSYC.63.8.856` and `10.1001/archpsyc.63.8.856` are one work, and the unique index on
 * the stored value must see them as one); a PMID is its digits. Accepted spellings: resolver URLs
 * (`https://doi.org/...`, `dx.doi.org`, `https://pubmed.ncbi.nlm.nih.gov/<pmid>/`) and `doi:` /
 * `PMID:` prefixes.
 *
 * The DOI suffix alphabet is Crossref's recommended pattern, which matches nearly every registered
 * DOI and nothing that could carry markup or break a URL (`<`, `>`, `"`, `#`, `?`, spaces).
 */

export const MAX_DOI_LENGTH = 256
export const MAX_PMID_LENGTH = 9

export type Parsed = { ok: true; value: string } | { ok: false; message: string }

const DOI = /^10\.\d{4,9}\/[-._;()/:a-z0-9]+$/
const DOI_PREFIX = /^(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|doi:\s*)/i
const PMID = /^\d{1,9}$/
const PMID_PREFIX = /^(?:(?:https?:\/\/)?pubmed\.ncbi\.nlm\.nih\.gov\/|pmid:?\s*)/i

export const DOI_EXAMPLE = '10.1001/archpsyc.63.8.856'
export const PMID_EXAMPLE = '16894061'

export function parseDoi(raw: string): Parsed {
  // Checked before any work: a 10 KB paste is refused, not regex-scanned.
  if (raw.length > MAX_DOI_LENGTH + 32) return { ok: false, message: `A DOI is at most ${MAX_DOI_LENGTH} characters` }
  const doi = raw.trim().replace(DOI_PREFIX, '').toLowerCase()
  if (doi.length > MAX_DOI_LENGTH) return { ok: false, message: `A DOI is at most ${MAX_DOI_LENGTH} characters` }
  return DOI.test(doi) ? { ok: true, value: doi } : { ok: false, message: `Not a DOI: a DOI looks like ${DOI_EXAMPLE}` }
}

export function parsePmid(raw: string): Parsed {
  if (raw.length > 64) return { ok: false, message: `A PMID is at most ${MAX_PMID_LENGTH} digits` }
  const pmid = raw.trim().replace(PMID_PREFIX, '').replace(/\/$/, '')
  return PMID.test(pmid) ? { ok: true, value: pmid } : { ok: false, message: `Not a PMID: a PMID is a number, e.g. ${PMID_EXAMPLE}` }
}

/** The canonical DOI, or null for anything that is not one (including null and ''). */
export const normalizeDoi = (raw: string | null | undefined): string | null => {
  if (!raw) return null
  const parsed = parseDoi(raw)
  return parsed.ok ? parsed.value : null
}

export const normalizePmid = (raw: string | null | undefined): string | null => {
  if (!raw) return null
  const parsed = parsePmid(raw)
  return parsed.ok ? parsed.value : null
}

/** Keeps the DOI's slashes readable while escaping anything that would end or corrupt the URL. */
export const doiUrl = (doi: string): string => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`

export const pubmedUrl = (pmid: string): string => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`
