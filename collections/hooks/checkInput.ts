import type { CollectionBeforeOperationHook } from 'payload'
import { MAX_SLUG_LENGTH, SLUG_FORMAT } from '@/text/slugify'
import { refuse } from './refuse'

/** C0 and C1 control characters and DEL: a NUL cut titles short in storage, the others are invisible. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u

const STATUSES = new Set(['draft', 'published'])

/**
 * Checks on the request body before access or any hook sees it, for every caller (REST, GraphQL,
 * admin), drafts included:
 * - `_status` is `draft` or `published` (a stored "Published" broke every export afterwards; an
 *   array reached the database as a 500);
 * - single-line text fields (`lineFields`) are strings without control characters;
 * - a given `slug` has the saved-slug format and fits MAX_SLUG_LENGTH (the reader site refuses
 *   longer URLs, so a longer slug would publish a page nobody can open).
 */
export const checkInput =
  (lineFields: readonly string[]): CollectionBeforeOperationHook =>
  ({ args, collection, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const data: unknown = args.data
    if (data === undefined || data === null) return args
    if (typeof data !== 'object' || Array.isArray(data)) refuse(req, collection.slug, 'body', 'The request body must be a JSON object')
    const fields = data as Record<string, unknown>
    if ('_status' in fields && fields._status !== undefined && !(typeof fields._status === 'string' && STATUSES.has(fields._status))) {
      refuse(req, collection.slug, '_status', '_status must be "draft" or "published"')
    }
    for (const name of lineFields) {
      const value = fields[name]
      if (value === undefined || value === null) continue
      if (typeof value !== 'string') refuse(req, collection.slug, name, `${name} must be text`)
      if (CONTROL.test(value)) refuse(req, collection.slug, name, `${name} must not contain control characters`)
    }
    const slug = fields.slug
    if (slug !== undefined && slug !== null && slug !== '') {
      if (typeof slug !== 'string' || !SLUG_FORMAT.test(slug)) refuse(req, collection.slug, 'slug', 'Lowercase letters, digits and single hyphens only')
      if (slug.length > MAX_SLUG_LENGTH) refuse(req, collection.slug, 'slug', `slug must be at most ${MAX_SLUG_LENGTH} characters`)
    }
    return args
  }
