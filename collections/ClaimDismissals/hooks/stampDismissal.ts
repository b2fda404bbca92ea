import type { CollectionBeforeChangeHook } from 'payload'

/** Who dismissed is the signed-in editor, whatever the request says. */
export const stampDismissal: CollectionBeforeChangeHook = ({ data, req, operation }) => {
  if (operation !== 'create') return data
  return { ...data, dismissedBy: req.user?.id ?? null }
}
