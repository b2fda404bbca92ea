import type { Field } from 'payload'
import { staffOnlyField } from '../../access/staffOnlyField'
import { ADMIN_COMPONENTS } from '../../components/paths'
import { sectionEditor } from '../../Sections/editor'
import { fillText } from './fillText'

/**
 * The article's stale-save check leaves these to writeSections, which checks the text row by row
 * (a colleague's edit of another section is no conflict) and refuses dropping a section added since.
 */
export const TEXT_CHECKED_BY_ROW = ['text', 'sections']

/**
 * The article written in one place: every section in reading order, heading and body in place,
 * added, moved, split, merged and removed here. The rows are the editor's working copy; saving
 * the article writes them to the Section documents that readers and other apps read
 * (../hooks/writeSections), so the article's versions hold its whole text as of each save.
 * Staff only: the public API serves the sections themselves.
 */
export const textField: Field = {
  name: 'text',
  label: 'Text',
  labels: { singular: 'Section', plural: 'Sections' },
  type: 'array',
  access: { read: staffOnlyField },
  hooks: { afterRead: [fillText] },
  admin: {
    initCollapsed: false,
    isSortable: true,
    className: 'article-text',
    description: 'The whole article in reading order. Drag a section to move it; its menu adds one below or removes it. Split and merge from the toolbar.',
    components: { RowLabel: ADMIN_COMPONENTS.sectionRowLabel, Diff: ADMIN_COMPONENTS.textDiff },
  },
  fields: [
    // The Section document this row is written to (empty for a section not saved yet), and the
    // version of it the row was read from: a save over a newer version is a conflict, not an overwrite.
    { name: 'section', type: 'text', admin: { hidden: true } },
    { name: 'basedOn', type: 'text', admin: { hidden: true } },
    { name: 'heading', type: 'text', label: false, admin: { placeholder: 'Heading (none for the introduction)', className: 'article-text__heading' } },
    // Required for publishing only: Payload does not validate drafts, so a half-written section autosaves.
    { name: 'body', type: 'richText', editor: sectionEditor, required: true, label: false },
  ],
}
