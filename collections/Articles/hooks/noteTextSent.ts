import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

/**
 * Whether a save sent the article's text rows. Payload fills every field a save leaves out from
 * the stored document before any change hook runs, so by then rows a REST client never sent (it
 * sent only `sections`, or only a title) look exactly like rows the editor sent back unchanged.
 * Kept here, for this document only, for writeSections.
 */
const TEXT_SENT = 'articleTextSent'
type TextSent = { id: string; sent: boolean; draft: boolean; withoutBody: string[] }

/** Set for a whole restore: Payload reads the version through the read hooks before writing it. */
const RESTORING = 'restoringArticleVersion'

export const noteTextSent: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const draft = (args as { draft?: unknown }).draft === true
  if (operation === 'restoreVersion') req.context[RESTORING] = { draft }
  if (operation !== 'create' && operation !== 'update') return args
  const data = args.data as Record<string, unknown> | undefined
  const id = operation === 'update' ? String((args as { id?: string | number }).id ?? '') : ''
  const rows = data && typeof data === 'object' && Array.isArray(data.text) ? (data.text as unknown[]) : null
  req.context[TEXT_SENT] = { id, sent: rows !== null, draft, withoutBody: rowIdsWithoutBody(rows ?? []) } satisfies TextSent
  return args
}

/** The ids of the rows sent with no body at all (a row just added in the admin, nobody typed in it yet). */
const rowIdsWithoutBody = (rows: unknown[]): string[] =>
  rows.flatMap((row) => {
    const r = row && typeof row === 'object' ? (row as { id?: unknown; body?: unknown }) : null
    return r && typeof r.id === 'string' && r.body == null ? [r.id] : []
  })

const noted = (req: PayloadRequest, id: string | number | undefined): TextSent | undefined => {
  const note = req.context[TEXT_SENT] as TextSent | undefined
  return note && note.id === String(id ?? '') ? note : undefined
}

/** The rows this save of the article (undefined: one being created) sent without a body. */
export const rowsSentWithoutBody = (req: PayloadRequest, id: string | number | undefined): string[] => noted(req, id)?.withoutBody ?? []

/** True when the save of this article (undefined: one being created) sent its rows. */
export const textWasSent = (req: PayloadRequest, id: string | number | undefined): boolean => noted(req, id)?.sent === true

/**
 * True when this save of the article publishes it. The `_status` a change hook sees is not enough:
 * a restore "as draft" still carries the version's "published" (Payload sets the draft status only
 * after the hooks), and a draft save that sends no status carries the stored one.
 */
export function savePublishes(req: PayloadRequest, id: string | number | undefined, status: unknown): boolean {
  if (status !== 'published') return false
  const restore = req.context[RESTORING] as { draft: boolean } | undefined
  if (restore) return !restore.draft
  return noted(req, id)?.draft !== true
}

/**
 * True while an article version is being restored: its rows are the text as of that version and
 * must reach writeSections as they are, not refreshed from the sections (fillText).
 */
export const restoringVersion = (req: PayloadRequest): boolean => req.context[RESTORING] !== undefined
