import type { CollectionConfig } from 'payload'
import { ARTICLES, CITATIONS, SECTIONS, USERS } from '../slugs'
import { isEditor } from '../access/isEditor'
import { canCreateSection, canEditSection } from '../access/canEditArticle'
import { publishedSectionOrStaff } from '../access/publishedOrStaff'
import { sectionEditor } from './editor'
import { emptyLexicalState } from '@/richtext/empty'
import { deriveAnchor } from './hooks/deriveAnchor'
import { notifyAfterSectionChange, notifyAfterSectionDelete } from './hooks/notify'
import { publishCitations } from './hooks/publishCitations'
import { refreshArticleCitations } from './hooks/refreshArticleCitations'
import { ADMIN_COMPONENTS } from '../components/paths'
import { checkInput } from '../hooks/checkInput'
import { checkReferences, relationIds } from '../hooks/checkReferences'
import { serverTimestamps } from '../hooks/serverTimestamps'
import { authorsSaveDrafts } from '../hooks/authorsSaveDrafts'
import { collectCitationIds, type LexicalState } from '@/richtext'
import { refuseStaleSave } from '../hooks/refuseStaleSave'
import { keepEditorsLock } from '../hooks/keepEditorsLock'
import { LOCK_DOCUMENTS } from '../hooks/documentLocks'
import { lockHeartbeatEndpoint } from '../endpoints/lockHeartbeat'
import { staffOnlyField } from '../access/staffOnlyField'
import { derivedField } from '../access/derivedField'
import { keepCreator } from './hooks/keepCreator'
import { deriveTitle, fillTitle } from './hooks/deriveTitle'
import { publishedListIndexes } from '../publishedListIndexes'

export const Sections: CollectionConfig = {
  slug: SECTIONS,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'article', '_status', 'updatedAt'],
    description: 'Sections belong to one article; order them from the article.',
    components: { edit: { PublishButton: ADMIN_COMPONENTS.publishButton } },
  },
  // Autosave keeps work safe; the explicit "Save draft" button is the editor's "this is a version".
  versions: { drafts: { autosave: { interval: 2_000, showSaveDraftButton: true } }, maxPerDoc: 50 },
  lockDocuments: LOCK_DOCUMENTS,
  // Payload's default order: the section list other apps read.
  indexes: publishedListIndexes('createdAt'),
  endpoints: [lockHeartbeatEndpoint],
  // Authors may create and edit drafts of their articles' sections only: a section published on
  // its own reaches readers at once.
  access: { read: publishedSectionOrStaff, create: canCreateSection, update: canEditSection, delete: isEditor },
  hooks: {
    beforeOperation: [
      checkInput(['heading']),
      serverTimestamps,
      checkReferences([
        { path: 'article', collection: ARTICLES, ids: (d) => relationIds(d.article) },
        { path: 'body', collection: CITATIONS, ids: (d) => (d.body === undefined ? undefined : collectCitationIds([d.body as LexicalState])) },
      ]),
      authorsSaveDrafts,
    ],
    beforeValidate: [deriveAnchor, deriveTitle],
    beforeChange: [refuseStaleSave(['anchor', 'article', 'title'])],
    // Citations first: the notification then purges the reader site once, after everything changed.
    afterChange: [publishCitations, refreshArticleCitations, keepEditorsLock, notifyAfterSectionChange],
    afterRead: [fillTitle],
    afterDelete: [notifyAfterSectionDelete],
  },
  fields: [
    { name: 'lockHeartbeat', type: 'ui', admin: { position: 'sidebar', components: { Field: ADMIN_COMPONENTS.lockHeartbeat } } },
    { name: 'editRights', type: 'ui', admin: { position: 'sidebar', components: { Field: ADMIN_COMPONENTS.editRightsNote } } },
    { name: 'heading', type: 'text', admin: { description: 'Leave empty for the introduction.' } },
    {
      name: 'title',
      type: 'text',
      // Derived from the heading (deriveTitle): what the admin shows for this section. Not part
      // of the public API, which has the heading itself.
      access: { read: staffOnlyField, create: derivedField, update: derivedField },
      admin: { hidden: true },
    },
    {
      name: 'anchor',
      type: 'text',
      index: true,
      admin: { position: 'sidebar', description: 'Link fragment (#anchor). Derived from the heading; unique within the article.' },
    },
    // Never null, even before the first keystroke: see emptyLexicalState.
    {
      name: 'body',
      type: 'richText',
      editor: sectionEditor,
      required: true,
      defaultValue: () => emptyLexicalState(),
      admin: { components: { Diff: ADMIN_COMPONENTS.richTextDiff } },
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: ARTICLES,
      // Optional so a section can be created from the article's drawer, which cannot know the
      // article; listing it on the article fills this in (Articles' claimSections hook).
      index: true,
      admin: { position: 'sidebar', description: 'Set automatically when the section is added to an article.' },
    },
    {
      // Until an article claims it, a section is its creator's alone: another author can neither
      // edit it nor claim it by listing it in their own article.
      name: 'createdBy',
      type: 'relationship',
      relationTo: USERS,
      access: { read: staffOnlyField },
      hooks: { beforeChange: [keepCreator] },
      admin: { position: 'sidebar', readOnly: true, description: 'Who created this section.' },
    },
  ],
}
