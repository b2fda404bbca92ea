'use client'
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import type { User } from '@/payload-types'

/**
 * One line where the form is read-only for this user, so it is never a mystery: who may change the
 * document, and how one becomes able to. (Where publishing is not theirs, "Submit for review"
 * stands in the Publish button's place and says who publishes.)
 */
export const EditRightsNote: UIFieldClientComponent = () => {
  const { user } = useAuth<User>()
  const { id, hasSavePermission } = useDocumentInfo()
  if (!user || id === undefined || id === null) return null
  if (hasSavePermission !== false) return null
  return <p className="role-note role-note--read-only">Read only: only this article&apos;s writers and the editors can change it. Editors add writers in the article&apos;s sidebar.</p>
}
