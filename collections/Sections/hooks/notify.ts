import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import type { Section } from '@/payload-types'
import { recordContentChange } from '../../../apps/cms/lib/contentChanges'

const articleSlug = (doc: Section): string[] => (typeof doc.article === 'object' && doc.article?.slug ? [doc.article.slug] : [])

/** A draft save changes nothing readers see; publishing or unpublishing a section does. */
export const notifyAfterSectionChange: CollectionAfterChangeHook<Section> = async ({ doc, previousDoc, req }) => {
  if (doc._status !== 'published' && previousDoc?._status !== 'published') return doc
  await recordContentChange(req, { event: doc._status === 'published' ? 'update' : 'unpublish', collection: 'sections', slugs: articleSlug(doc) })
  return doc
}

export const notifyAfterSectionDelete: CollectionAfterDeleteHook<Section> = async ({ doc, req }) => {
  await recordContentChange(req, { event: 'delete', collection: 'sections', slugs: articleSlug(doc) })
}
