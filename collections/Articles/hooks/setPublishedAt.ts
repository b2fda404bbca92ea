import type { CollectionBeforeChangeHook } from 'payload'
import type { Article } from '@/payload-types'

/** First publish stamps the date readers see; later edits keep it (lastReviewedAt records reviews). */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status !== 'published' || data.publishedAt || originalDoc?.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}
