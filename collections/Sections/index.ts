import type { CollectionConfig } from 'payload'
import { ARTICLES, SECTIONS } from '../slugs'
import { isEditor } from '../access/isEditor'
import { isWriter } from '../access/isWriter'
import { canEditContent } from '../access/canEditArticle'
import { publishedSectionOrStaff } from '../access/publishedOrStaff'
import { sectionEditor } from './editor'
import { deriveAnchor } from './hooks/deriveAnchor'
import { notifyAfterSectionChange, notifyAfterSectionDelete } from './hooks/notify'

export const Sections: CollectionConfig = {
  slug: SECTIONS,
  admin: {
    useAsTitle: 'heading',
    defaultColumns: ['heading', 'article', '_status', 'updatedAt'],
    description: 'Sections belong to one article; order them from the article.',
  },
  versions: { drafts: { autosave: { interval: 2_000 } }, maxPerDoc: 50 },
  access: { read: publishedSectionOrStaff, create: isWriter, update: canEditContent, delete: isEditor },
  hooks: {
    beforeValidate: [deriveAnchor],
    afterChange: [notifyAfterSectionChange],
    afterDelete: [notifyAfterSectionDelete],
  },
  fields: [
    { name: 'heading', type: 'text', admin: { description: 'Leave empty for the introduction.' } },
    {
      name: 'anchor',
      type: 'text',
      index: true,
      admin: { position: 'sidebar', description: 'Link fragment (#anchor). Derived from the heading; unique within the article.' },
    },
    { name: 'body', type: 'richText', editor: sectionEditor, required: true },
    { name: 'article', type: 'relationship', relationTo: ARTICLES, required: true, index: true, admin: { position: 'sidebar' } },
  ],
}
