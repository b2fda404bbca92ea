/**
 * Payload's list envelope for one page of an already-ordered list. The CMS's own endpoints that
 * are not collection queries (search) answer in the same shape as `find`, so one client schema
 * (`paginated` in ./schemas) reads them all.
 */
export type Page<T> = {
  docs: T[]
  totalDocs: number
  limit: number
  totalPages: number
  page: number
  pagingCounter: number
  hasPrevPage: boolean
  hasNextPage: boolean
  prevPage: number | null
  nextPage: number | null
}

/** `docs` is the requested page of `totalDocs` matches; `page` counts from 1. Like Payload, no matches is zero pages. */
export function pageOf<T>(docs: T[], { page, limit, totalDocs }: { page: number; limit: number; totalDocs: number }): Page<T> {
  const totalPages = Math.ceil(totalDocs / limit)
  const start = (page - 1) * limit
  return {
    docs,
    totalDocs,
    limit,
    totalPages,
    page,
    pagingCounter: start + 1,
    hasPrevPage: page > 1,
    hasNextPage: page < totalPages,
    prevPage: page > 1 ? page - 1 : null,
    nextPage: page < totalPages ? page + 1 : null,
  }
}
