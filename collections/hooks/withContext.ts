import type { PayloadRequest } from 'payload'

/**
 * Set request-context flags for the nested writes inside `fn` only. Payload shares `req.context`
 * for the rest of the request, so a flag left set would also change what the caller's own later
 * hooks do; the previous values are put back afterwards. (Passing `context` to a Local API call would merge into that shared object for good.)
 */
export async function withContext<T>(req: PayloadRequest, flags: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(flags).map((key) => [key, req.context[key]]))
  Object.assign(req.context, flags)
  try {
    return await fn()
  } finally {
    Object.assign(req.context, previous)
  }
}

/** Set on writes made on behalf of an outer write, which derives what depends on the whole change. */
export const NESTED_WRITE = 'nestedWrite'

/**
 * Set while a section save re-publishes its article only to re-derive the citation list: the
 * article's other sections must stay as they are (publishSections skips).
 */
export const REFRESHING_CITATIONS = 'refreshingArticleCitations'
