import type { CollectionBeforeChangeHook } from 'payload'
import type { Article } from '@/payload-types'
import { collectCitationIds, lexicalToText } from '@/richtext'
import { relationId } from '@/text/relationId'
import { readingTimeMinutes } from '@/text/readingTime'
import { latestSectionVersions } from '../../Sections/latestVersions'

/**
 * The citation list and reading time are facts about the sections, so they are derived, never typed:
 * a citation whose last reference is removed drops off the list on the next save.
 * Sections are read as the editor sees them (latest drafts): publishing the article publishes those.
 */
export const deriveFromSections: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  const refs = data.sections ?? originalDoc?.sections ?? []
  const ids = refs.map(relationId)
  if (ids.length === 0) return { ...data, citations: [], readingTimeMinutes: 0 }
  const bodies = (await latestSectionVersions(req, ids, ['body'])).map((s) => s.body)
  return { ...data, citations: collectCitationIds(bodies), readingTimeMinutes: readingTimeMinutes(bodies.map(lexicalToText)) }
}
