import { MEDIA, PEOPLE, USERS } from '../slugs'
import { personBySlugEndpoint } from './endpoints/bySlug'
import { staffOnlyField } from '../access/staffOnlyField'
import { namedPageCollection } from '../namedPage'

/**
 * People named on the site: article authors and medical reviewers. Public (each has a page at
 * `/authors/<slug>`), and separate from login accounts so nothing about a user (email, role) is ever
 * published. Only editors manage them: a byline is an editorial statement.
 */
export const People = namedPageCollection({
  slug: PEOPLE,
  labels: { singular: 'Person', plural: 'People' },
  defaultColumns: ['name', 'credentials', 'slug'],
  nameMaxLength: 120,
  slugDescription: 'URL of the author page. Derived from the name when left empty.',
  endpoints: [personBySlugEndpoint],
  fields: [
    { name: 'credentials', type: 'text', maxLength: 120, admin: { description: 'Printed after the name, e.g. "MD, PhD".' } },
    { name: 'bio', type: 'textarea', maxLength: 1000, admin: { description: 'A short biography for the author page.' } },
    { name: 'photo', type: 'upload', relationTo: MEDIA, admin: { description: 'A portrait for the author page; its alt text is usually the name.' } },
    {
      name: 'user',
      type: 'relationship',
      relationTo: USERS,
      access: { read: staffOnlyField },
      admin: { position: 'sidebar', description: 'Optional: the login account of this person. Never shown to readers.' },
    },
  ],
})
