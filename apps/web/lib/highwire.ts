/**
 * Highwire Press `citation_*` meta tags, which Google Scholar and reference managers (Zotero) read.
 * Returned as Next Metadata `other`, where an array value becomes one <meta> per entry.
 */
import type { AssembledArticle, Citation } from '@/cms/schemas'
import { highwireDate } from './dates'
import { normalizeDoi, normalizePmid } from './references'
import { isCitableSource } from './cite'

/** `citation_reference` packs fields as "key=value; key=value", so a ";" inside a value must go. */
const clean = (value: string): string => value.replace(/;/g, ',').replace(/\s+/g, ' ').trim()

export function highwireReference(c: Citation): string {
  const fields: Array<[string, string | null]> = [
    ['citation_title', c.title],
    ['citation_author', c.authorList.length > 0 ? c.authorList.map((a) => [a.family, a.given].filter(Boolean).join(', ')).join(', ') : c.authors],
    ['citation_journal_title', c.journal],
    ['citation_publication_date', c.year !== null ? String(c.year) : null],
    ['citation_doi', normalizeDoi(c.doi)],
    ['citation_pmid', normalizePmid(c.pmid)],
  ]
  return fields
    .filter((f): f is [string, string] => f[1] !== null && f[1].trim() !== '')
    .map(([key, value]) => `${key}=${clean(value)}`)
    .join('; ')
}

export function highwireTags(article: AssembledArticle, siteName: string): Record<string, string | string[]> {
  const tags: Record<string, string | string[]> = {
    citation_title: article.title,
    citation_journal_title: article.publication ?? siteName,
    citation_language: 'en',
  }
  const date = highwireDate(article.publishedAt)
  if (date) tags.citation_publication_date = date
  if (article.authors.length > 0) tags.citation_author = article.authors.map((a) => a.name)
  // Label-only references would read as verified works to Google Scholar and Zotero: left out.
  const sourced = article.citations.filter(isCitableSource)
  if (sourced.length > 0) tags.citation_reference = sourced.map(highwireReference)
  return tags
}
