import type { CollectionBeforeValidateHook } from 'payload'
import type { Section } from '@/payload-types'
import { slugify } from '@/text/slugify'
import { SECTIONS } from '../../slugs'

/**
 * The anchor is the heading's slug unless the editor set one, then made unique among the
 * article's other sections (-2, -3...): two "Background" headings must not share a link target.
 */
export const deriveAnchor: CollectionBeforeValidateHook<Section> = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const heading = data.heading ?? originalDoc?.heading ?? null
  const articleRef = data.article ?? originalDoc?.article
  const wanted = slugify(data.anchor || originalDoc?.anchor || heading || 'introduction') || 'section'
  if (!articleRef) return { ...data, anchor: wanted }
  const articleId = typeof articleRef === 'object' ? articleRef.id : articleRef
  const siblings = await req.payload.find({
    collection: SECTIONS,
    where: { and: [{ article: { equals: articleId } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])] },
    select: { anchor: true },
    depth: 0,
    limit: 1000,
    pagination: false,
    draft: true,
    overrideAccess: true,
    req,
  })
  const taken = new Set(siblings.docs.map((s) => s.anchor))
  let anchor = wanted
  for (let n = 2; taken.has(anchor); n++) anchor = `${wanted}-${n}`
  return { ...data, anchor }
}
