'use client'
import { useForm, useFormFields } from '@payloadcms/ui'
import { createClientFeature, useEditorConfigContext } from '@payloadcms/richtext-lexical/client'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import type { LexicalEditor } from '@payloadcms/richtext-lexical/lexical'
import { useEffect, type MouseEvent } from 'react'
import { markersOf } from '../../Sections/components/useCitationNumbers'
import { notifyRowEditorsChanged, registerRowEditor } from './editors'
import { rowField, rowOfBody, TEXT_PATH } from './rowPaths'
import { mergeIntoAbove, splitAtCaret } from './splitMerge'
import { expectRemoval } from './removals'

/** Makes a row's editor reachable from the others (merge, citation numbers across the article). */
function RegisterRowEditor() {
  const [editor] = useLexicalComposerContext()
  const { fieldProps } = useEditorConfigContext()
  const row = rowOfBody(fieldProps.path)
  useEffect(() => (row === null ? undefined : registerRowEditor(row, editor)), [row, editor])
  useEffect(
    () =>
      row === null
        ? undefined
        : editor.registerUpdateListener(({ editorState, prevEditorState }) => {
            if (markersOf(editorState) !== markersOf(prevEditorState)) notifyRowEditorsChanged()
          }),
    [row, editor],
  )
  return null
}

/** Pressing a tool keeps the focus (and the caret) in the section, as the toolbar's own buttons do. */
const keepFocus = (event: MouseEvent) => event.preventDefault()

function SplitButton({ editor }: { editor: LexicalEditor }) {
  const { fieldProps } = useEditorConfigContext()
  const { addFieldRow } = useForm()
  const row = rowOfBody(fieldProps.path)
  if (row === null) return null
  return (
    <button type="button" className="section-tool" title="Start a new section at the caret" onMouseDown={keepFocus} onClick={() => splitAtCaret(editor, row, addFieldRow)}>
      Split section here
    </button>
  )
}

function MergeButton({ editor }: { editor: LexicalEditor }) {
  const { fieldProps } = useEditorConfigContext()
  const { getDataByPath, removeFieldRow } = useForm()
  const row = rowOfBody(fieldProps.path)
  // The id the list of rows knows this row by (what the undo bar watches).
  const rowId = useFormFields(([fields]) => (row === null ? undefined : fields[TEXT_PATH]?.rows?.[row]?.id))
  if (row === null || row === 0) return null
  const merge = () => {
    if (rowId) expectRemoval(rowId)
    mergeIntoAbove(editor, row, getDataByPath<string>(rowField(row, 'heading')) ?? '', removeFieldRow)
  }
  return (
    <button type="button" className="section-tool" title="Append this section to the one above" onMouseDown={keepFocus} onClick={merge}>
      Merge into section above
    </button>
  )
}

/**
 * On the article's writing surface, each section's toolbar can split the section at the caret
 * and merge it into the one above. Elsewhere (a section's own view) the buttons do not show.
 */
export const SectionToolsFeatureClient = createClientFeature({
  plugins: [{ Component: RegisterRowEditor, position: 'normal' }],
  toolbarFixed: {
    groups: [
      {
        type: 'buttons',
        key: 'sectionTools',
        order: 70,
        items: [
          { key: 'splitSection', label: 'Split section here', Component: SplitButton },
          { key: 'mergeSection', label: 'Merge into section above', Component: MergeButton },
        ],
      },
    ],
  },
})
