import type { RichTextFieldDiffServerComponent } from 'payload'
import { FieldDiffContainer, getHTMLDiffComponents } from '@payloadcms/ui/rsc'
import type { LexicalState } from '@/richtext'
import { richTextForDiff } from './richTextHtml'

/** Two versions of a section's text, compared as readers would read them (./richTextHtml). */
export const RichTextDiff: RichTextFieldDiffServerComponent = async ({ comparisonValue, versionValue, field, i18n, locale, nestingLevel, req }) => {
  const from = comparisonValue as LexicalState | null | undefined
  const to = versionValue as LexicalState | null | undefined
  const html = await richTextForDiff(req, [from, to])
  const { From, To } = getHTMLDiffComponents({ fromHTML: html(from), toHTML: html(to) })
  return <FieldDiffContainer className="lexical-diff" From={From} To={To} i18n={i18n} label={{ label: field.label, locale }} nestingLevel={nestingLevel} />
}
