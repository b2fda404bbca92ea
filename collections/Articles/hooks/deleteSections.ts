import type { CollectionAfterDeleteHook } from 'payload'
import type { Article } from '@/payload-types'
import { SECTIONS } from '../../slugs'

/** Sections belong to exactly one article: deleting the article must not leave orphans behind. */
export const deleteSectionsWithArticle: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await req.payload.delete({
    collection: SECTIONS,
    where: { article: { equals: doc.id } },
    overrideAccess: true,
    context: { skipRevalidation: true },
    req,
  })
}
