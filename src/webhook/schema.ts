/**
 * The body of a revalidation webhook. Shared by the sender (CMS hook) and the receiver (reader site)
 * so both sides agree on one contract.
 *
 * Unknown keys are stripped rather than rejected: a newer CMS that adds a field must not make an
 * older reader site refuse to purge.
 */
import { z } from 'zod'
import { MAX_SLUG_LENGTH } from '../text/slugify'

export const REVALIDATION_EVENT_TYPES = ['publish', 'unpublish', 'update', 'delete'] as const
export const MAX_REVALIDATION_SLUGS = 100

const slug = z.string().min(1).max(MAX_SLUG_LENGTH)
const slugList = z.array(slug).max(MAX_REVALIDATION_SLUGS)

export const RevalidationEvent = z.object({
  event: z.enum(REVALIDATION_EVENT_TYPES),
  collection: z.string().min(1).max(100),
  slugs: slugList,
  previousSlugs: slugList.optional(),
  /** Random per event: makes every delivery unique, so the receiver can refuse replays. */
  id: z.string().min(8).max(100).optional(),
})

export type RevalidationEvent = z.infer<typeof RevalidationEvent>
