import type { RichTextFieldDiffServerComponent } from 'payload'
import { FieldDiffContainer, getHTMLDiffComponents } from '@payloadcms/ui/rsc'
import { CitationNumbering, collectCitationIds, lexicalToHtml, type LexicalState } from '@/richtext'
import { CITATIONS } from '../slugs'

/**
 * Two versions of a section's text, compared as readers would read them: the same HTML the reader
 * site renders, with each citation marker written as its citation's label. Payload's own rich-text
 * diff shows a marker as an opaque "InlineBlock" hashed with its random block id, so every marker
 * read as removed and added again; here an unchanged marker is unchanged text.
 */
export const RichTextDiff: RichTextFieldDiffServerComponent = async ({ comparisonValue, versionValue, field, i18n, locale, nestingLevel, req }) => {
  const from = comparisonValue as LexicalState | null | undefined
  const to = versionValue as LexicalState | null | undefined
  const ids = collectCitationIds([from, to])
  const { docs } =
    ids.length === 0
      ? { docs: [] }
      : await req.payload.find({ collection: CITATIONS, where: { id: { in: ids } }, select: { label: true }, draft: true, depth: 0, pagination: false, overrideAccess: false, user: req.user, req })
  const labels = new Map(docs.map((c) => [String(c.id), c.label]))
  const citationLabel = (id: string | number) => labels.get(String(id)) ?? `citation ${id}`
  // An empty paragraph keeps an empty side in its column.
  const html = (state: LexicalState | null | undefined) => lexicalToHtml(state, new CitationNumbering(ids), { citationLabel }) || '<p></p>'
  const { From, To } = getHTMLDiffComponents({ fromHTML: html(from), toHTML: html(to) })
  return <FieldDiffContainer className="lexical-diff" From={From} To={To} i18n={i18n} label={{ label: field.label, locale }} nestingLevel={nestingLevel} />
}
