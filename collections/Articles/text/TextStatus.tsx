'use client'
import { useAllFormFields, useDocumentInfo, useForm } from '@payloadcms/ui'
import type { FormState, UIFieldClientComponent } from 'payload'
import { useEffect, useRef, useState } from 'react'
import { z } from '../../components/zod'
import { useDocsById } from '../../components/useDocsById'
import { SECTIONS } from '../../slugs'
import { sectionTitle } from '../../Sections/title'
import { useChangedBySections } from '../components/useChangedBySections'
import { rowField, TEXT_PATH } from './rowPaths'
import { newRowState } from './splitMerge'
import { consumeExpectedRemoval } from './removals'

const SectionStatus = z.object({ id: z.union([z.string(), z.number()]), _status: z.enum(['draft', 'published']).nullish() })

type Removed = { index: number; id: string; section: string | null; basedOn: string | null; heading: string; body: unknown }

const valueAt = (fields: FormState, path: string): unknown => fields[path]?.value

function removedRow(before: FormState, index: number, id: string): Removed {
  const text = (field: 'section' | 'basedOn' | 'heading') => {
    const value = valueAt(before, rowField(index, field))
    return typeof value === 'string' ? value : null
  }
  return { index, id, section: text('section'), basedOn: text('basedOn'), heading: text('heading') ?? '', body: valueAt(before, rowField(index, 'body')) }
}

/**
 * Below the writing surface: the undo for a section just taken off (its text, heading and
 * Section document come back as they were, in the same place), and the article's status, which
 * reads "Changed" while any section has unpublished changes made outside this view.
 */
export const TextStatus: UIFieldClientComponent = () => {
  const [fields] = useAllFormFields()
  const { addFieldRow } = useForm()
  const rows = fields[TEXT_PATH]?.rows ?? []
  const rowIds = rows.map((r) => r.id)
  const sectionIds = rows.flatMap((_, i) => {
    const id = valueAt(fields, rowField(i, 'section'))
    return typeof id === 'string' && id !== '' ? [id] : []
  })
  const { savedDocumentData } = useDocumentInfo()
  const savedAt = typeof savedDocumentData?.updatedAt === 'string' ? savedDocumentData.updatedAt : ''
  const state = useDocsById({ collection: SECTIONS, ids: sectionIds, select: ['_status'], draft: true, schema: SectionStatus, refreshKey: savedAt })
  // Only an answer read after the latest save counts: just after a publish, the old one still lists drafts.
  useChangedBySections(state.status === 'ready' && state.refreshKey === savedAt && state.docs.some((s) => s._status === 'draft'))

  const previous = useRef<{ ids: string[]; fields: FormState } | null>(null)
  const [removed, setRemoved] = useState<Removed | null>(null)
  const idsKey = rowIds.join(',')
  useEffect(() => {
    const before = previous.current
    previous.current = { ids: idsKey === '' ? [] : idsKey.split(','), fields }
    if (!before || before.ids.length !== previous.current.ids.length + 1) return
    const index = before.ids.findIndex((id) => !previous.current!.ids.includes(id))
    const id = before.ids[index]
    if (id === undefined || consumeExpectedRemoval(id)) return
    setRemoved(removedRow(before.fields, index, id))
  }, [idsKey, fields])

  if (!removed) return null
  const undo = () => {
    addFieldRow({ path: TEXT_PATH, rowIndex: Math.min(removed.index, rowIds.length), schemaPath: TEXT_PATH, subFieldState: newRowState(removed) })
    setRemoved(null)
  }
  return (
    <div className="article-text__removed" role="status">
      Removed “{sectionTitle(removed.heading)}”: once saved, readers no longer see it.{' '}
      <button type="button" className="article-text__undo" onClick={undo}>
        Undo
      </button>
      <button type="button" className="article-text__dismiss" aria-label="Dismiss" onClick={() => setRemoved(null)}>
        ×
      </button>
    </div>
  )
}
