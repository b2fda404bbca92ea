import type { CollectionBeforeValidateHook } from 'payload'
import type { Article } from '@/payload-types'
import { slugify } from '@/text/slugify'

/**
 * CASE slug given: kept, even when the title changes later (links already shared must not move).
 * CASE partial update without a slug: the stored slug stays.
 * CASE new article, or slug cleared by the editor: derived from the title.
 */
export const deriveSlug: CollectionBeforeValidateHook<Article> = ({ data, originalDoc }) => {
  if (!data || data.slug) return data
  if (data.slug === undefined && originalDoc?.slug) return data
  const title = data.title ?? originalDoc?.title
  return title ? { ...data, slug: slugify(title) } : data
}
