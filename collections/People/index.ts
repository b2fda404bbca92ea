import type { CollectionConfig } from 'payload'
import { PEOPLE, USERS } from '../slugs'
import { isEditor } from '../access/isEditor'
import { staffOnlyField } from '../access/staffOnlyField'
import { deriveSlugFrom } from '../hooks/deriveSlugFrom'
import { slugField } from '../fields/slug'
import { notifyAfterPublicChange, notifyAfterPublicDelete } from '../hooks/notifyPublicChange'

/**
 * People named on the site: article authors and medical reviewers. Public (each has a page at
 * `/authors/<slug>`), and separate from login accounts so nothing about a user (email, role) is ever
 * published. Only editors manage them: a byline is an editorial statement.
 */
export const People: CollectionConfig = {
  slug: PEOPLE,
  labels: { singular: 'Person', plural: 'People' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'credentials', 'slug'] },
  access: { read: () => true, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    beforeValidate: [deriveSlugFrom('name')],
    afterChange: [notifyAfterPublicChange(PEOPLE)],
    afterDelete: [notifyAfterPublicDelete(PEOPLE)],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 120 },
    slugField('URL of the author page. Derived from the name when left empty.'),
    { name: 'credentials', type: 'text', maxLength: 120, admin: { description: 'Printed after the name, e.g. "MD, PhD".' } },
    { name: 'bio', type: 'textarea', maxLength: 1000, admin: { description: 'A short biography for the author page.' } },
    {
      name: 'user',
      type: 'relationship',
      relationTo: USERS,
      access: { read: staffOnlyField },
      admin: { position: 'sidebar', description: 'Optional: the login account of this person. Never shown to readers.' },
    },
  ],
}
