'use client'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { createClientFeature } from '@payloadcms/richtext-lexical/client'
import { $getSelection, COMMAND_PRIORITY_EDITOR, createCommand, type BaseSelection } from '@payloadcms/richtext-lexical/lexical'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { CiteDialog } from './CiteDialog'
import { $insertCitation } from './insertCitation'

/** Opens the Cite dialog at the caret: from the toolbar button, the `/cite` command or a shortcut. */
export const OPEN_CITE_DIALOG = createCommand<void>('OPEN_CITE_DIALOG')

const openDialog = ({ editor }: { editor: { dispatchCommand: (c: typeof OPEN_CITE_DIALOG, p: void) => boolean } }) => {
  editor.dispatchCommand(OPEN_CITE_DIALOG, undefined)
}

function CiteMark() {
  return (
    <span className="cite-button__mark" aria-hidden="true">
      “
    </span>
  )
}

/** The toolbar button's face: a word, where the inline-block menu has only an icon. */
function CiteButton() {
  return (
    <span className="cite-button">
      <CiteMark />
      Cite
    </span>
  )
}

/** Keeps the caret while the dialog has the focus, and puts the citation back where it was. */
function CitePlugin() {
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState(false)
  const saved = useRef<BaseSelection | null>(null)

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_CITE_DIALOG,
        () => {
          saved.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null)
          setOpen(true)
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  )

  if (!open) return null
  const close = () => {
    setOpen(false)
    editor.focus()
  }
  return createPortal(
    <CiteDialog
      onClose={close}
      onChoose={(citation) => {
        editor.update(() => $insertCitation(saved.current, citation))
        close()
      }}
    />,
    document.body,
  )
}

/**
 * A labelled "Cite" button in the toolbar and a `/cite` command: both open one dialog that finds a
 * citation and inserts its in-text label with the marker, so citing is one step, not typing the
 * label and then inserting a block from an unlabelled menu.
 */
export const CiteFeatureClient = createClientFeature({
  plugins: [{ Component: CitePlugin, position: 'normal' }],
  toolbarFixed: {
    groups: [{ type: 'buttons', key: 'cite', order: 60, items: [{ key: 'cite', label: 'Cite a source', ChildComponent: CiteButton, onSelect: openDialog }] }],
  },
  slashMenu: {
    groups: [{ key: 'cite', label: 'Citations', items: [{ key: 'cite', label: 'Cite a source', keywords: ['cite', 'citation', 'reference', 'source'], Icon: CiteMark, onSelect: openDialog }] }],
  },
})
