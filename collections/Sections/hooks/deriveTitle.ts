import type { CollectionAfterReadHook, CollectionBeforeValidateHook } from 'payload'
import type { Section } from '@/payload-types'
import { sectionTitle } from '../title'
import { seesDrafts } from '../../access/roles'

/**
 * The admin names a section by `title` (lists, pickers, breadcrumbs, versions): its heading, or
 * "Introduction" for the untitled opening section, never "Untitled" or an id.
 */
export const deriveTitle: CollectionBeforeValidateHook<Section> = ({ data, originalDoc }) => {
  if (!data) return data
  const heading = data.heading !== undefined ? data.heading : originalDoc?.heading
  return { ...data, title: sectionTitle(heading) }
}

/**
 * Documents stored before `title` existed (no migration rewrites a MongoDB collection) read the same
 * to staff; the public API has no `title` (the field is staff-only), so nothing is added for others.
 */
export const fillTitle: CollectionAfterReadHook<Section> = ({ doc, req }) => {
  if (doc && !doc.title && 'heading' in doc && seesDrafts(req.user)) doc.title = sectionTitle(doc.heading)
  return doc
}
