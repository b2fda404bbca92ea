import type { FieldHook } from 'payload'
import type { Section } from '@/payload-types'

/**
 * `createdBy` is written by the server only: the signed-in user on create (none for scripts such
 * as the seed), and on every later save whatever it already was, whatever the request sent.
 */
export const keepCreator: FieldHook<Section, Section['createdBy']> = ({ operation, req, originalDoc }) => {
  if (operation === 'create') return req.user?.id ?? null
  return originalDoc?.createdBy ?? null
}
