'use client'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $parseSerializedNode,
  type LexicalEditor,
  type LexicalNode,
  type SerializedLexicalNode,
} from '@payloadcms/richtext-lexical/lexical'
import { $createHeadingNode } from '@payloadcms/richtext-lexical/lexical/rich-text'
import type { FormState } from 'payload'
import { emptyLexicalState } from '@/richtext/empty'
import { rowEditor } from './editors'
import { TEXT_PATH } from './rowPaths'

const fieldState = (value: unknown) => ({ initialValue: value, value, valid: true, passesCondition: true })

/** The sub-field state of a new row of the writing surface. */
export function newRowState(values: { id?: string; section?: string | null; basedOn?: string | null; heading: string; body: unknown }): FormState {
  return {
    ...(values.id ? { id: fieldState(values.id) } : {}),
    section: fieldState(values.section ?? null),
    basedOn: fieldState(values.basedOn ?? null),
    heading: fieldState(values.heading),
    body: fieldState(values.body),
  }
}

type AddRow = (args: { path: string; rowIndex: number; schemaPath: string; subFieldState: FormState }) => void

/**
 * Splits the section at the caret: the text after it (from the caret's paragraph on, that
 * paragraph cut at the caret) becomes a new section right below, heading empty for the editor to
 * name. Nothing is saved until the article is; the new row has no Section document until then.
 */
export function splitAtCaret(editor: LexicalEditor, row: number, addFieldRow: AddRow): boolean {
  let from = -1
  editor.update(
    () => {
      const selection = $getSelection()
      if (!$isRangeSelection(selection)) return
      selection.insertParagraph()
      const after = $getSelection()
      const top = $isRangeSelection(after) ? after.anchor.getNode().getTopLevelElement() : null
      if (!top) return
      const before = top.getPreviousSibling()
      let first: LexicalNode | null = top
      // The caret at the end of a paragraph leaves an empty one below it, at the start one above: neither is text.
      if ($isElementNode(top) && top.getChildrenSize() === 0) {
        first = top.getNextSibling()
        top.remove()
      }
      if (before && $isElementNode(before) && before.getChildrenSize() === 0) before.remove()
      from = first ? first.getIndexWithinParent() : $getRoot().getChildrenSize()
    },
    { discrete: true },
  )
  if (from < 0) return false
  const state = editor.getEditorState().toJSON()
  const moved = state.root.children.slice(from)
  editor.update(
    () => {
      const root = $getRoot()
      for (const node of root.getChildren().slice(from)) node.remove()
      if (root.getChildrenSize() === 0) root.append($createParagraphNode())
    },
    { discrete: true },
  )
  const body = moved.length > 0 ? { root: { ...state.root, children: moved } } : emptyLexicalState()
  addFieldRow({ path: TEXT_PATH, rowIndex: row + 1, schemaPath: TEXT_PATH, subFieldState: newRowState({ heading: '', body }) })
  return true
}

/**
 * Appends this section's text to the section above (its heading kept as a subheading, so no
 * word is lost) and takes this row off; saving then detaches its Section document.
 */
export function mergeIntoAbove(editor: LexicalEditor, row: number, heading: string, removeFieldRow: (args: { path: string; rowIndex: number }) => void): boolean {
  const above = rowEditor(row - 1)
  if (!above) return false
  const children = editor.getEditorState().toJSON().root.children as SerializedLexicalNode[]
  above.update(
    () => {
      const root = $getRoot()
      if (heading.trim()) root.append($createHeadingNode('h3').append($createTextNode(heading.trim())))
      for (const child of children) root.append($parseSerializedNode(child))
    },
    { discrete: true },
  )
  removeFieldRow({ path: TEXT_PATH, rowIndex: row })
  return true
}
