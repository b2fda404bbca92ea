'use client'
import { PublishButton, useAuth } from '@payloadcms/ui'
import type { PublishButtonClientProps } from 'payload'
import type { User } from '@/payload-types'
import { isEditorUser } from '../access/roles'
import { SubmitForReview } from '../Articles/review/SubmitForReview'

/**
 * Publishing is an editorial decision: the API already refuses an author's publish (canEditArticle),
 * and this keeps the admin honest about it by not offering a button that can only fail.
 * CASE author (any signed-in user who is not an editor or admin): "Submit for review" instead, with
 *   a line saying who publishes.
 * CASE editor/admin: Payload's own button, with its "schedule publish" menu, unchanged.
 * CASE user not known on the client (yet): Payload's button too; it hides itself unless the server
 * computed a publish permission for this document, so nobody gains a button by a missing user.
 */
export function RolePublishButton(props: PublishButtonClientProps) {
  const { user } = useAuth<User>()
  if (user && !isEditorUser(user)) return <SubmitForReview />
  return <PublishButton {...props} />
}
