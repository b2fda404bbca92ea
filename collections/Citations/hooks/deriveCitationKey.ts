import type { CollectionBeforeChangeHook } from 'payload'
import type { Citation } from '@/payload-types'
import { citationKey } from '@/text/citationKey'

/** Keep the natural key and the "needs source" flag derived, so editors cannot let them drift. */
export const deriveCitationKey: CollectionBeforeChangeHook<Citation> = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data }
  return {
    ...data,
    key: citationKey(String(merged.firstAuthor ?? ''), Number(merged.year), merged.journal ?? null),
    sourceStatus: merged.doi || merged.pmid || merged.url ? 'verified' : 'needs-source',
  }
}
