import type { CollectionBeforeValidateHook } from 'payload'
import { slugify } from '@/text/slugify'

/**
 * A slug from another text field (a person's name, a topic's name) when none is given. A given or
 * stored slug is kept when the name changes later: links already shared must not move.
 */
export const deriveSlugFrom =
  (field: string): CollectionBeforeValidateHook =>
  ({ data, originalDoc }) => {
    if (!data || data.slug) return data
    if (data.slug === undefined && originalDoc?.slug) return data
    const source = (data[field] ?? originalDoc?.[field]) as unknown
    return typeof source === 'string' && source ? { ...data, slug: slugify(source) } : data
  }
