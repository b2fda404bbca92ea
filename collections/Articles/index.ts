import type { CollectionConfig } from 'payload'
import { ARTICLES, CITATIONS, SECTIONS, USERS } from '../slugs'
import { isEditor, isEditorField } from '../access/isEditor'
import { canCreateArticle, canEditArticle } from '../access/canEditArticle'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { deriveSlug } from './hooks/deriveSlug'
import { setPublishedAt } from './hooks/setPublishedAt'
import { deriveFromSections } from './hooks/deriveFromSections'
import { publishSections } from './hooks/publishSections'
import { syncCitationVisibility, syncCitationVisibilityAfterDelete } from './hooks/syncCitationVisibility'
import { notifyAfterArticleChange, notifyAfterArticleDelete } from './hooks/notify'
import { deleteSectionsWithArticle } from './hooks/deleteSections'
import { authorsDefaultToCreator, onlyEditorsAssignOthers } from './hooks/authors'
import { bySlugEndpoint } from './endpoints/bySlug'
import { livePreviewUrl } from './livePreview'

export const Articles: CollectionConfig = {
  slug: ARTICLES,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'lastReviewedAt', 'updatedAt'],
    livePreview: { url: livePreviewUrl },
    preview: (doc) => livePreviewUrl({ data: doc }),
  },
  versions: {
    drafts: { autosave: { interval: 2_000 }, schedulePublish: true },
    maxPerDoc: 100,
  },
  access: {
    read: publishedOrStaff(),
    create: canCreateArticle,
    update: canEditArticle,
    delete: isEditor,
  },
  endpoints: [bySlugEndpoint],
  hooks: {
    beforeValidate: [deriveSlug, authorsDefaultToCreator],
    beforeChange: [onlyEditorsAssignOthers, setPublishedAt, deriveFromSections],
    afterChange: [publishSections, syncCitationVisibility, notifyAfterArticleChange],
    afterDelete: [deleteSectionsWithArticle, syncCitationVisibilityAfterDelete, notifyAfterArticleDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      index: true,
      admin: { position: 'sidebar', description: 'URL path. Derived from the title when left empty.' },
      validate: (value: unknown) => value == null || value === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(String(value)) || 'Lowercase letters, digits and single hyphens only',
    },
    { name: 'summary', type: 'textarea', admin: { description: 'One or two sentences for the front page, feeds and search results.' } },
    { name: 'publication', type: 'text', defaultValue: 'Tripsitter' },
    {
      name: 'sections',
      type: 'relationship',
      relationTo: SECTIONS,
      hasMany: true,
      admin: { isSortable: true, description: 'Reading order: drag to reorder. Publishing the article publishes these sections too.' },
    },
    {
      name: 'citations',
      type: 'relationship',
      relationTo: CITATIONS,
      hasMany: true,
      admin: { readOnly: true, description: 'Derived from the sections, in order of first use.' },
    },
    { name: 'authors', type: 'relationship', relationTo: USERS, hasMany: true, admin: { position: 'sidebar' } },
    {
      name: 'publishedAt',
      type: 'date',
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'Set on first publish.' },
    },
    {
      name: 'lastReviewedAt',
      type: 'date',
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar', description: 'When an editor last reviewed the medical content.' },
    },
    { name: 'readingTimeMinutes', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
  ],
}
