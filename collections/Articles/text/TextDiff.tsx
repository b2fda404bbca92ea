import type { ArrayFieldDiffServerComponent } from 'payload'
import { FieldDiffContainer, getHTMLDiffComponents } from '@payloadcms/ui/rsc'
import { richTextForDiff } from '../../components/richTextHtml'
import { textChanges, type TextDiffRow } from './textChanges'

const rowsOf = (value: unknown): TextDiffRow[] => (Array.isArray(value) ? (value as TextDiffRow[]) : [])

/**
 * The whole article's text compared between two versions, section by section as readers read it
 * (./textChanges), unchanged sections left out. Citation markers read as their labels
 * (../../components/richTextHtml).
 */
export const TextDiff: ArrayFieldDiffServerComponent = async ({ comparisonValue, versionValue, i18n, locale, nestingLevel, req }) => {
  const changes = textChanges(rowsOf(comparisonValue), rowsOf(versionValue))
  if (changes.length === 0) return null
  const html = await richTextForDiff(req, changes.flatMap((c) => [c.from?.body, c.to?.body]))
  const side = (row: TextDiffRow | null) => (row ? html(row.body, row.heading) : '<p></p>')
  return (
    <div className="article-text-diff">
      {changes.map((change) => {
        const { From, To } = getHTMLDiffComponents({ fromHTML: side(change.from), toHTML: side(change.to) })
        return <FieldDiffContainer key={change.key} className="lexical-diff" From={From} To={To} i18n={i18n} label={{ label: change.label, locale }} nestingLevel={nestingLevel} />
      })}
    </div>
  )
}
