import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

/**
 * Whether a save sent the article's text rows. Payload fills every field a save leaves out from
 * the stored document before any change hook runs, so by then rows a REST client never sent (it
 * sent only `sections`, or only a title) look exactly like rows the editor sent back unchanged.
 * Kept here, for this document only, for writeSections.
 */
const TEXT_SENT = 'articleTextSent'
type TextSent = { id: string; sent: boolean }

/** Set for a whole restore: Payload reads the version through the read hooks before writing it. */
const RESTORING = 'restoringArticleVersion'

export const noteTextSent: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'restoreVersion') req.context[RESTORING] = true
  if (operation !== 'create' && operation !== 'update') return args
  const data = args.data as Record<string, unknown> | undefined
  const id = operation === 'update' ? String((args as { id?: string | number }).id ?? '') : ''
  req.context[TEXT_SENT] = { id, sent: !!data && typeof data === 'object' && Array.isArray(data.text) } satisfies TextSent
  return args
}

/** True when the save of this article (undefined: one being created) sent its rows. */
export const textWasSent = (req: PayloadRequest, id: string | number | undefined): boolean => {
  const noted = req.context[TEXT_SENT] as TextSent | undefined
  return !!noted && noted.id === String(id ?? '') && noted.sent
}

/**
 * True while an article version is being restored: its rows are the text as of that version and
 * must reach writeSections as they are, not refreshed from the sections (fillText).
 */
export const restoringVersion = (req: PayloadRequest): boolean => req.context[RESTORING] === true
