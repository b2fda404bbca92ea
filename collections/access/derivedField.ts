import type { FieldAccess } from 'payload'

/** A field the hooks derive: no request may set it (hooks write it with overrideAccess). */
export const derivedField: FieldAccess = () => false
