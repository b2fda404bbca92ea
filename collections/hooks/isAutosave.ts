import type { PayloadRequest } from 'payload'

/** REST `?autosave=true` (the admin's autosave); Payload's param parsing turns the string into a boolean in place. */
export const isAutosave = (req: PayloadRequest): boolean => {
  const value: unknown = req.query?.autosave
  return value === true || value === 'true'
}
