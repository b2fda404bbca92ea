import type { CollectionAfterOperationHook } from 'payload'
import type { Article } from '@/payload-types'
import { isEmptyLexicalState } from '@/richtext/empty'
import { rowsSentWithoutBody } from './noteTextSent'

/**
 * A row added in the admin has no body until its editor first hands one to the form, and the save
 * that creates its section stores an empty one. Answering with that empty body would give the
 * form a value it never had for a field the editor may be typing into at that moment: the admin
 * takes a saved value for a field it has not marked as changed, and Payload's rich-text field
 * re-mounts its editor when the value differs from its own, which drops the caret and the keys
 * typed since. So the save's answer leaves such a body out, as it was sent; only a body that is
 * still empty (nothing is hidden) and only in this answer: every later read carries it. REST only,
 * which is how the admin saves: GraphQL's schema promises every row a body, and local callers
 * read the result.
 */
export const leaveOutUnsentBodies: CollectionAfterOperationHook = ({ operation, req, result }) => {
  if (req.payloadAPI !== 'REST' || (operation !== 'create' && operation !== 'updateByID')) return result
  const doc = result as Article | undefined
  const unsent = new Set(rowsSentWithoutBody(req, operation === 'create' ? undefined : doc?.id))
  if (!doc || unsent.size === 0 || !Array.isArray(doc.text)) return result
  const text = doc.text.map((row) => {
    if (!row.id || !unsent.has(row.id) || !isEmptyLexicalState(row.body)) return row
    const { body: _unsent, ...rest } = row
    return rest as typeof row
  })
  return { ...doc, text } as typeof result
}
