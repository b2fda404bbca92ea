import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import type { Article } from '@/payload-types'
import { recordContentChange } from '../../../apps/cms/lib/contentChanges'

/**
 * CASE publish, or an edit of a published article: readers must see it.
 * CASE unpublish (published -> draft): the page must go away.
 * CASE first draft save after a publish: also reported (previousDoc was published); a spare purge
 * costs one re-render, a missed one would serve a stale page.
 * CASE draft saves of drafts: nothing a reader can see changed, so autosave does not thrash the cache.
 */
export const notifyAfterArticleChange: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req }) => {
  const wasPublished = previousDoc?._status === 'published'
  if (doc._status !== 'published' && !wasPublished) return doc
  const previousSlugs = previousDoc?.slug && previousDoc.slug !== doc.slug ? [previousDoc.slug] : []
  await recordContentChange(req, {
    event: doc._status === 'published' ? (wasPublished ? 'update' : 'publish') : 'unpublish',
    collection: 'articles',
    slugs: doc.slug ? [doc.slug] : [],
    previousSlugs,
  })
  return doc
}

export const notifyAfterArticleDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await recordContentChange(req, { event: 'delete', collection: 'articles', slugs: doc.slug ? [doc.slug] : [] })
}
