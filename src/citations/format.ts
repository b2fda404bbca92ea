/**
 * Reference formatting and exchange formats through citation-js (citeproc-js underneath): the
 * CSL styles AMA (our own style file, see styles/ama.ts), APA 7 and Vancouver (bundled with
 * @citation-js/plugin-csl), and BibTeX, RIS and CSL-JSON for reference managers.
 *
 * Runs on the server only (reader pages and download routes); nothing here fetches anything:
 * citation-js is only ever handed finished CSL-JSON, never identifiers to resolve.
 */
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import { AMA_CSL, AMA_STYLE_ID } from './styles/ama'
import type { CslData } from './record'
import { RecentlyUsed } from '@/memo/recentlyUsed'
import { stableStringify } from '@/text/stableStringify'

export const CITATION_STYLES = ['ama', 'apa', 'vancouver'] as const
export type CitationStyle = (typeof CITATION_STYLES)[number]
export const STYLE_NAMES: Readonly<Record<CitationStyle, string>> = { ama: 'AMA', apa: 'APA', vancouver: 'Vancouver' }

type CslConfig = { styles: { add(name: string, xml: string): void; has(name: string): boolean } }
const csl = plugins.config.get('@csl') as CslConfig
if (!csl.styles.has(AMA_STYLE_ID)) csl.styles.add(AMA_STYLE_ID, AMA_CSL)

/** citation-js mutates and annotates what it is given: always hand it copies. */
const cite = (items: readonly CslData[]): Cite => new Cite(structuredClone(items as CslData[]))

/**
 * Formatting is a pure function of the items, the style and the format, and citeproc builds its
 * engine on every call: tens of milliseconds for an article's references, most of a page render
 * after a purge. So lists already formatted are taken from here (the 256 used most recently).
 */
const FORMATTED_LISTS = 256
const formatted = new RecentlyUsed<string, ReadonlyMap<string, string>>(FORMATTED_LISTS)

/**
 * One formatted entry per item, in the order given, as HTML (citeproc escapes the text) or text.
 * The leading entry number is dropped: the page numbers entries with its own <ol>.
 */
export function formatEntries(items: readonly CslData[], style: CitationStyle, format: 'html' | 'text'): Map<string, string> {
  if (items.length === 0) return new Map()
  const key = `${style}\n${format}\n${stableStringify(items)}`
  const known = formatted.get(key)
  if (known) return new Map(known)
  const entries = new Map<string, string>()
  const out: Array<[string, string]> = cite(items).format('bibliography', { format, style, lang: 'en-US', asEntryArray: true, nosort: true })
  for (const [id, entry] of out) entries.set(id, stripNumber(entry.trim(), format))
  formatted.set(key, new Map(entries))
  return entries
}

function stripNumber(entry: string, format: 'html' | 'text'): string {
  if (format === 'text') return entry.replace(/^\[?\d+\]?\.?\s+/, '')
  return entry
    .replace(/<div class="csl-left-margin">[^<]*<\/div>/, '')
    .replace(/^<div[^>]*class="csl-entry"[^>]*>/, '')
    .replace(/<\/div>$/, '')
    .replace(/<div class="csl-right-inline">([\s\S]*)<\/div>/, '$1')
    .replace(/^\d+\.\s+/, '')
    .trim()
}

/** One reference in a style, as plain text (for "Cite this article"). */
export function formatOne(item: CslData, style: CitationStyle): string {
  return formatEntries([item], style, 'text').get(item.id) ?? ''
}

export function toBibtex(items: readonly CslData[]): string {
  return `${String(cite(items).format('bibtex', { format: 'text' })).trim()}\n`
}

/**
 * RIS, one tag per line. citation-js wraps values at 70 characters, and RIS readers (citation-js's
 * own included) join continuation lines with a space, which would split words in long titles; the
 * RIS specification has no line limit, so values are written whole.
 */
export function toRis(items: readonly CslData[]): string {
  // The RIS plugin registers its format at import; the core's typings only know the built-in ones.
  const data = cite(items)
  const format = data.format as (name: string, options: { format: 'object' }) => unknown
  const entries = format.call(data, 'ris', { format: 'object' }) as Array<Record<string, string | string[]>>
  return entries
    .map((entry) => {
      const lines = [`TY  - ${String(entry.TY)}`]
      for (const [tag, value] of Object.entries(entry)) {
        if (tag === 'TY') continue
        for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s+/g, ' ')}`)
      }
      lines.push('ER  - ')
      return lines.join('\n')
    })
    .join('\n\n')
    .concat('\n')
}

export function toCslJson(items: readonly CslData[]): string {
  return `${JSON.stringify(items, null, 2)}\n`
}

/** Parsed back into CSL-JSON by citation-js (any format it recognises); used to check exports. */
export function parseReferences(input: string): Array<Record<string, unknown>> {
  return new Cite(input).data as Array<Record<string, unknown>>
}
