import type { FieldAccess } from 'payload'
import { seesDrafts } from './roles'

/** A field only staff may read: e.g. which login account a public person belongs to. */
export const staffOnlyField: FieldAccess = ({ req: { user } }) => seesDrafts(user)
