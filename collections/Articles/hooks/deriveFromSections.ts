import type { CollectionBeforeChangeHook } from 'payload'
import type { Article } from '@/payload-types'
import { SECTIONS } from '../../slugs'
import { collectCitationIds, lexicalToText } from '@/richtext'
import { relationId } from '@/text/relationId'
import { readingTimeMinutes } from '@/text/readingTime'

/**
 * The citation list and reading time are facts about the sections, so they are derived, never typed:
 * a citation whose last reference is removed drops off the list on the next save.
 * Sections are read as the editor sees them (latest drafts): publishing the article publishes those.
 */
export const deriveFromSections: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  const refs = data.sections ?? originalDoc?.sections ?? []
  const ids = refs.map(relationId)
  if (ids.length === 0) return { ...data, citations: [], readingTimeMinutes: 0 }
  const { docs } = await req.payload.find({
    collection: SECTIONS,
    where: { id: { in: ids } },
    select: { body: true },
    draft: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map(docs.map((d) => [String(d.id), d]))
  const bodies = ids.flatMap((id) => byId.get(String(id))?.body ?? [])
  const words = bodies.reduce((n, body) => n + lexicalToText(body).split(/\s+/).filter(Boolean).length, 0)
  return { ...data, citations: collectCitationIds(bodies), readingTimeMinutes: readingTimeMinutes(words) }
}
