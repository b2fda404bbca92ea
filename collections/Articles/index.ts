import type { CollectionConfig } from 'payload'
import { ARTICLES, CITATIONS, MEDIA, PEOPLE, SECTIONS, TOPICS, USERS } from '../slugs'
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
import { writersDefaultToCreator, onlyEditorsAssignOthers } from './hooks/authors'
import { ownOrLooseSections } from './ownOrLooseSections'
import { recordReviewRequest, reviewFields } from './review/fields'
import { bySlugEndpoint } from './endpoints/bySlug'
import { livePreviewEndpoint } from './endpoints/livePreview'
import { livePreviewUrl } from './livePreview'
import { claimSections } from './hooks/claimSections'
import { writeSections } from './hooks/writeSections'
import { noteTextSent } from './hooks/noteTextSent'
import { leaveOutUnsentBodies } from './hooks/leaveOutUnsentBodies'
import { textField, TEXT_CHECKED_BY_ROW } from './text/field'
import { ADMIN_COMPONENTS } from '../components/paths'
import { SITE_NAME } from '@/site'
import { checkInput } from '../hooks/checkInput'
import { checkReferences, relationIds } from '../hooks/checkReferences'
import { serverTimestamps } from '../hooks/serverTimestamps'
import { authorsSaveDrafts } from '../hooks/authorsSaveDrafts'
import { MAX_SLUG_LENGTH, SLUG_FORMAT } from '@/text/slugify'
import { detachRemovedSections } from './hooks/detachRemovedSections'
import { refuseStaleSave } from '../hooks/refuseStaleSave'
import { keepEditorsLock } from '../hooks/keepEditorsLock'
import { LOCK_DOCUMENTS } from '../hooks/documentLocks'
import { lockHeartbeatEndpoint } from '../endpoints/lockHeartbeat'
import { claimsEndpoint } from '../ClaimDismissals/claimsEndpoint'
import { articleClaimFindings } from '../ClaimDismissals/claimFindings'
import { publishedListIndexes } from '../publishedListIndexes'

export const Articles: CollectionConfig = {
  slug: ARTICLES,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'lastReviewedAt', 'updatedAt'],
    livePreview: { url: livePreviewUrl },
    preview: (doc) => livePreviewUrl({ data: doc }),
    components: { edit: { PublishButton: ADMIN_COMPONENTS.publishButton }, beforeList: [ADMIN_COMPONENTS.reviewQueue] },
  },
  versions: {
    // Autosave keeps work safe; "Save draft" marks a version the editor means to keep.
    drafts: { autosave: { interval: 2_000, showSaveDraftButton: true }, schedulePublish: true },
    maxPerDoc: 100,
  },
  lockDocuments: LOCK_DOCUMENTS,
  // Payload's default order (createdAt), and the order the reader site and feeds list in.
  indexes: publishedListIndexes('createdAt', 'publishedAt'),
  access: {
    read: publishedOrStaff(),
    create: canCreateArticle,
    update: canEditArticle,
    delete: isEditor,
  },
  endpoints: [bySlugEndpoint, livePreviewEndpoint, lockHeartbeatEndpoint, claimsEndpoint(articleClaimFindings)],
  hooks: {
    // Input first (400 before access), then references, then the author's save becomes a draft.
    beforeOperation: [
      checkInput(['title']),
      serverTimestamps,
      checkReferences([
        { path: 'sections', collection: SECTIONS, ids: (d) => relationIds(d.sections) },
        { path: 'writers', collection: USERS, ids: (d) => relationIds(d.writers) },
        { path: 'authors', collection: PEOPLE, ids: (d) => relationIds(d.authors) },
        { path: 'medicalReviewer', collection: PEOPLE, ids: (d) => relationIds(d.medicalReviewer) },
        { path: 'topics', collection: TOPICS, ids: (d) => relationIds(d.topics) },
      ]),
      authorsSaveDrafts,
      noteTextSent,
    ],
    beforeValidate: [deriveSlug, writersDefaultToCreator],
    beforeChange: [refuseStaleSave(['citations', 'readingTimeMinutes', 'reviewRequestedBy', ...TEXT_CHECKED_BY_ROW]), onlyEditorsAssignOthers, setPublishedAt, recordReviewRequest, writeSections, deriveFromSections],
    // claimSections first: a section written with a new article gets its article before it is published.
    afterChange: [claimSections, detachRemovedSections, publishSections, syncCitationVisibility, keepEditorsLock, notifyAfterArticleChange],
    afterDelete: [deleteSectionsWithArticle, syncCitationVisibilityAfterDelete, notifyAfterArticleDelete],
    afterOperation: [leaveOutUnsentBodies],
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      unique: true,
      index: true,
      admin: { position: 'sidebar', description: 'URL path. Derived from the title when left empty.' },
      maxLength: MAX_SLUG_LENGTH,
      validate: (value: unknown) => value == null || value === '' || SLUG_FORMAT.test(String(value)) || 'Lowercase letters, digits and single hyphens only',
    },
    { name: 'summary', type: 'textarea', admin: { description: 'One or two sentences for the front page, feeds and search results.' } },
    { name: 'publication', type: 'text', defaultValue: SITE_NAME },
    { name: 'heroImage', type: 'upload', relationTo: MEDIA, admin: { description: 'Lead image, shown above the article and in link previews (cropped to 1200 x 630).' } },
    textField,
    {
      // The public reading order. Written from the rows of `text` when a save sends them; a REST
      // client may still send this list alone (the rows then follow it).
      name: 'sections',
      type: 'relationship',
      relationTo: SECTIONS,
      hasMany: true,
      filterOptions: ownOrLooseSections,
      admin: { disabled: true },
    },
    { name: 'textStatus', type: 'ui', admin: { components: { Field: ADMIN_COMPONENTS.textStatus } } },
    {
      name: 'citations',
      type: 'relationship',
      relationTo: CITATIONS,
      hasMany: true,
      admin: { readOnly: true, description: 'Derived from the sections, in order of first use.' },
    },
    { name: 'lockHeartbeat', type: 'ui', admin: { position: 'sidebar', components: { Field: ADMIN_COMPONENTS.lockHeartbeat } } },
    { name: 'editRights', type: 'ui', admin: { position: 'sidebar', components: { Field: ADMIN_COMPONENTS.editRightsNote } } },
    { name: 'citationQuality', type: 'ui', admin: { position: 'sidebar', components: { Field: ADMIN_COMPONENTS.citationQuality } } },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: PEOPLE,
      hasMany: true,
      admin: { position: 'sidebar', isSortable: true, description: 'The byline, in order. People, not login accounts.' },
    },
    {
      name: 'medicalReviewer',
      type: 'relationship',
      relationTo: PEOPLE,
      access: { create: isEditorField, update: isEditorField },
      admin: { position: 'sidebar', description: 'Who checked the medical content. Set by editors.' },
    },
    { name: 'topics', type: 'relationship', relationTo: TOPICS, hasMany: true, admin: { position: 'sidebar' } },
    {
      name: 'writers',
      label: 'Writers: accounts that may edit this draft',
      type: 'relationship',
      relationTo: USERS,
      hasMany: true,
      admin: { position: 'sidebar' },
    },
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
    ...reviewFields,
  ],
}
