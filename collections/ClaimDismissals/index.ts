import type { CollectionConfig } from 'payload'
import { CITATIONS, CLAIM_DISMISSALS, USERS } from '../slugs'
import { isEditor } from '../access/isEditor'
import { isStaff } from '../access/isStaff'
import { stampDismissal } from './hooks/stampDismissal'

/**
 * When a sentence says something about a source that its citation record contradicts (see
 * src/citations/claims.ts), the editor fixes the sentence or the record, or dismisses the warning
 * here with a reason. Dismissals are kept, never edited: they are the record of that judgement.
 * A dismissal names the exact warning text, so a different contradiction warns again.
 */
export const ClaimDismissals: CollectionConfig = {
  slug: CLAIM_DISMISSALS,
  labels: { singular: 'Claim dismissal', plural: 'Claim dismissals' },
  admin: { useAsTitle: 'claim', defaultColumns: ['claim', 'reason', 'dismissedBy', 'createdAt'], group: 'Review' },
  access: { read: isStaff, create: isEditor, update: () => false, delete: isEditor },
  hooks: { beforeChange: [stampDismissal] },
  fields: [
    { name: 'citation', type: 'relationship', relationTo: CITATIONS, required: true, index: true },
    { name: 'claim', type: 'text', required: true, maxLength: 1000, admin: { description: 'The warning as shown, e.g. "text says ...; the record ... says ..."' } },
    { name: 'reason', type: 'textarea', required: true, minLength: 5, maxLength: 2000, admin: { description: 'Why the text stands as written.' } },
    { name: 'dismissedBy', type: 'relationship', relationTo: USERS, admin: { readOnly: true } },
  ],
}
