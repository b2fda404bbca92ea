import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import type { Section } from '@/payload-types'
import { slugify } from '@/text/slugify'
import { SECTIONS } from '../../slugs'

async function everPublished(req: PayloadRequest, id: Section['id'] | undefined): Promise<boolean> {
  if (id === undefined) return false
  // The stored document (not the latest draft) is published once any version was.
  const { totalDocs } = await req.payload.count({ collection: SECTIONS, where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] }, overrideAccess: true, req })
  return totalDocs > 0
}

/** The anchor a section gets while it has no heading (the introduction), possibly made unique. */
const PLACEHOLDER = /^introduction(?:-\d+)?$/

/**
 * The anchor is the heading's slug unless the editor set one, then made unique among the
 * article's other sections (-2, -3...): two "Background" headings must not share a link target.
 * CASE a new section given its first heading: a section made from the article's drawer is saved
 * (autosave) before anyone types a heading, so it starts as "introduction"; that placeholder
 * follows the first heading, unless the section was ever published (its link may be shared).
 */
export const deriveAnchor: CollectionBeforeValidateHook<Section> = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const heading = data.heading ?? originalDoc?.heading ?? null
  const articleRef = data.article ?? originalDoc?.article
  const current = data.anchor || originalDoc?.anchor
  const headingAdded = !originalDoc?.heading && !!heading
  const keep = current && !(headingAdded && PLACEHOLDER.test(current) && !(await everPublished(req, originalDoc?.id)))
  const wanted = slugify((keep && current) || heading || 'introduction') || 'section'
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
