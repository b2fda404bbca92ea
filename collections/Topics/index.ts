import type { CollectionConfig } from 'payload'
import { TOPICS } from '../slugs'
import { isEditor } from '../access/isEditor'
import { deriveSlugFrom } from '../hooks/deriveSlugFrom'
import { slugField } from '../fields/slug'
import { notifyAfterPublicChange, notifyAfterPublicDelete } from '../hooks/notifyPublicChange'

/**
 * Subjects articles are filed under; each has a page at `/topics/<slug>`. Editors manage the list;
 * authors pick from it on their own drafts.
 */
export const Topics: CollectionConfig = {
  slug: TOPICS,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'] },
  access: { read: () => true, create: isEditor, update: isEditor, delete: isEditor },
  hooks: {
    beforeValidate: [deriveSlugFrom('name')],
    afterChange: [notifyAfterPublicChange(TOPICS)],
    afterDelete: [notifyAfterPublicDelete(TOPICS)],
  },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    slugField('URL of the topic page. Derived from the name when left empty.'),
    { name: 'description', type: 'textarea', maxLength: 500, admin: { description: 'Shown at the top of the topic page.' } },
  ],
}
