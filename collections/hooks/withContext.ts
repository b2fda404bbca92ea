import type { PayloadRequest } from 'payload'

/**
 * Payload's restoreVersion sets this on the shared `req.context` and never clears it. While it is
 * set, every update skips filling unsent fields from the stored document, so a nested partial
 * write of another document (`{ _status: "published" }` on a section) fails its required fields. A nested
 * write is never itself the restore, so it runs with the flag off.
 */
const RESTORING_VERSION = 'isRestoringVersion'

/**
 * Set request-context flags for the nested writes inside `fn` only. Payload shares `req.context`
 * for the rest of the request, so a flag left set would also change what the caller's own later
 * hooks do; the previous values are put back afterwards. (Passing `context` to a Local API call would merge into that shared object for good.)
 */
export async function withContext<T>(req: PayloadRequest, flags: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const all = { [RESTORING_VERSION]: false, ...flags }
  const previous = Object.fromEntries(Object.keys(all).map((key) => [key, req.context[key]]))
  Object.assign(req.context, all)
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
