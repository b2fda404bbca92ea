import type { CollectionConfig, Endpoint, Field } from 'payload'
import { isEditor } from './access/isEditor'
import { deriveSlugFrom } from './hooks/deriveSlugFrom'
import { slugField } from './fields/slug'
import { notifyAfterPublicChange, notifyAfterPublicDelete } from './hooks/notifyPublicChange'

/**
 * A collection of named things each with a public page at `/<kind>/<slug>` (People, Topics): anyone
 * reads, only editors manage, the slug is derived from the name when left empty, and a change or a
 * delete reaches the published pages that print the name.
 */
export function namedPageCollection(o: {
  slug: string
  labels?: CollectionConfig['labels']
  defaultColumns: string[]
  nameMaxLength: number
  slugDescription: string
  /** After name and slug. */
  fields: Field[]
  endpoints?: Endpoint[]
}): CollectionConfig {
  return {
    slug: o.slug,
    ...(o.labels ? { labels: o.labels } : {}),
    ...(o.endpoints ? { endpoints: o.endpoints } : {}),
    admin: { useAsTitle: 'name', defaultColumns: o.defaultColumns },
    access: { read: () => true, create: isEditor, update: isEditor, delete: isEditor },
    hooks: {
      beforeValidate: [deriveSlugFrom('name')],
      afterChange: [notifyAfterPublicChange(o.slug)],
      afterDelete: [notifyAfterPublicDelete(o.slug)],
    },
    fields: [{ name: 'name', type: 'text', required: true, maxLength: o.nameMaxLength }, slugField(o.slugDescription), ...o.fields],
  }
}
