import type { CollectionAfterDeleteHook } from 'payload'
import type { Article } from '@/payload-types'
import { SECTIONS } from '../../slugs'
import { quietly } from '../../hooks/quietly'

/** Sections belong to exactly one article: deleting the article must not leave orphans behind. */
export const deleteSectionsWithArticle: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await quietly(req, () => req.payload.delete({
    collection: SECTIONS,
    where: { article: { equals: doc.id } },
    overrideAccess: true,
    req,
  }))
}
