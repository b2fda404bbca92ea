import type { CollectionBeforeChangeHook, Field, FieldAccess } from 'payload'
import type { Article } from '@/payload-types'
import { USERS } from '../../slugs'
import { staffOnlyField } from '../../access/staffOnlyField'
import { derivedField } from '../../access/derivedField'
import { writesContent } from '../../access/roles'

/**
 * Anyone who may save the article may ask for review (the article's own update rule decides who
 * that is); who asked is recorded by the server (recordReviewRequest), never taken from the request.
 */
const staffWriter: FieldAccess = ({ req: { user } }) => Boolean(user && writesContent(user))

export const reviewFields: Field[] = [
  {
    name: 'reviewRequestedAt',
    label: 'Review requested',
    type: 'date',
    index: true,
    access: { read: staffOnlyField, create: staffWriter, update: staffWriter },
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime' },
      description: 'Set by "Submit for review"; cleared when an editor publishes.',
    },
  },
  {
    name: 'reviewRequestedBy',
    type: 'relationship',
    relationTo: USERS,
    access: { read: staffOnlyField, create: derivedField, update: derivedField },
    admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.reviewRequestedAt) },
  },
]

/**
 * CASE a save sets a new review request: it is recorded as the saving user's.
 * CASE the article is published: the request is answered, so it is cleared (the queue empties).
 */
export const recordReviewRequest: CollectionBeforeChangeHook<Article> = ({ data, originalDoc, req }) => {
  if (data._status === 'published') return { ...data, reviewRequestedAt: null, reviewRequestedBy: null }
  const asked = data.reviewRequestedAt ? new Date(data.reviewRequestedAt).getTime() : null
  const before = originalDoc?.reviewRequestedAt ? new Date(originalDoc.reviewRequestedAt).getTime() : null
  if (asked !== null && asked !== before && req.user) return { ...data, reviewRequestedBy: req.user.id }
  return data
}
