import type { TextField } from 'payload'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * The URL slug of a public page (`/authors/<slug>`, `/topics/<slug>`). Unique in the database, so a
 * second person or topic with the same slug is refused with a 400 naming `slug` and nothing is stored.
 */
export const slugField = (description: string): TextField => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  required: true,
  admin: { position: 'sidebar', description },
  validate: (value: unknown) => (typeof value === 'string' && SLUG_PATTERN.test(value)) || 'Lowercase letters, digits and single hyphens only',
})
