import { $createTextNode, $getRoot, $getSelection, $isRangeSelection, $setSelection, type BaseSelection } from '@payloadcms/richtext-lexical/lexical'
import { $createInlineBlockNode } from '@payloadcms/richtext-lexical/client'
import { CITATION_REF_BLOCK } from '../../slugs'

/** 24 hex characters, the id shape Payload gives blocks (and the seed writes). */
function blockId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * At the caret (or in place of the selected text): the citation's in-text label as ordinary text
 * the editor can reword, then the marker that records which work the sentence rests on, the shape
 * the seed writes for "Zarate et al. (2006)". A space goes first unless the caret already follows
 * one or an opening bracket. Runs inside `editor.update`; `saved` is the selection from before a
 * dialog took the focus.
 */
export function $insertCitation(saved: BaseSelection | null, citation: { id: string | number; label: string }): void {
  if (saved) $setSelection(saved.clone())
  let selection = $getSelection()
  if (!$isRangeSelection(selection)) {
    $getRoot().selectEnd()
    selection = $getSelection()
  }
  if (!$isRangeSelection(selection)) return
  if (!selection.isCollapsed()) selection.removeText()
  const { anchor } = selection
  const before = anchor.type === 'text' ? anchor.getNode().getTextContent().slice(0, anchor.offset) : ''
  const lead = before === '' || /[\s([]$/.test(before) ? '' : ' '
  const marker = $createInlineBlockNode({ id: blockId(), blockName: '', blockType: CITATION_REF_BLOCK, citation: citation.id })
  selection.insertNodes([$createTextNode(`${lead}${citation.label}`), marker])
  marker.selectNext()
}
