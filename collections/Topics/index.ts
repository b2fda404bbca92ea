import { TOPICS } from '../slugs'
import { namedPageCollection } from '../namedPage'

/**
 * Subjects articles are filed under; each has a page at `/topics/<slug>`. Editors manage the list;
 * authors pick from it on their own drafts.
 */
export const Topics = namedPageCollection({
  slug: TOPICS,
  defaultColumns: ['name', 'slug'],
  nameMaxLength: 80,
  slugDescription: 'URL of the topic page. Derived from the name when left empty.',
  fields: [{ name: 'description', type: 'textarea', maxLength: 500, admin: { description: 'Shown at the top of the topic page.' } }],
})
