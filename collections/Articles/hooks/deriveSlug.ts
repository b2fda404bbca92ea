import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import type { Article } from '@/payload-types'
import { MAX_SLUG_LENGTH, slugOrFallback } from '@/text/slugify'
import { ARTICLES } from '../../slugs'

/** True when another article (published or draft) already has this slug. */
async function taken(req: PayloadRequest, slug: string, self: Article['id'] | undefined): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: ARTICLES,
    where: { and: [{ slug: { equals: slug } }, ...(self !== undefined ? [{ id: { not_equals: self } }] : [])] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * CASE slug given: kept, even when the title changes later (links already shared must not move).
 * CASE partial update without a slug: the stored slug stays.
 * CASE new article, or slug cleared by the editor: derived from the title, never empty (a title
 * with no Latin letters gets `article-<hash>`), and made unique with -2, -3... so a second article
 * with the same title saves instead of failing on the unique index.
 */
export const deriveSlug: CollectionBeforeValidateHook<Article> = async ({ data, originalDoc, req }) => {
  if (!data || data.slug) return data
  if (data.slug === undefined && originalDoc?.slug) return data
  const title = data.title ?? originalDoc?.title
  if (typeof title !== 'string' || !title.trim()) return data
  const base = slugOrFallback(title, 'article')
  let slug = base
  for (let n = 2; await taken(req, slug, originalDoc?.id); n++) {
    const suffix = `-${n}`
    slug = base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix
  }
  return { ...data, slug }
}
