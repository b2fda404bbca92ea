import type { Access, FieldAccess } from 'payload'
import { isEditorUser } from './roles'

/** Editors and admins: publish, delete, and set editorial fields such as publishedAt. */
export const isEditor: Access = ({ req: { user } }) => isEditorUser(user)
export const isEditorField: FieldAccess = ({ req: { user } }) => isEditorUser(user)
