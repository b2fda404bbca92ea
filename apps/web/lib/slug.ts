/**
 * Slugs as the reader site accepts them in URLs. Anything else is answered with 404 before any CMS call:
 * it protects the CMS from junk lookups, and keeps odd strings out of redirects and cache keys.
 */
import { MAX_SLUG_LENGTH } from '@/text/slugify'

export const SLUG_PATTERN = /^[a-z0-9-]+$/

export function isValidSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value)
}

export const articlePath = (slug: string): string => `/articles/${slug}`
