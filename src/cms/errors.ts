/**
 * The one error shape of the CMS client, modelled on the error of Payload's own SDK.
 *
 * Callers branch on `status` only: 404 -> `notFound()`, 304 -> reuse the cached copy, 0 -> the CMS
 * could not be reached (network error, timeout or abort), anything else -> an error page. `errors`
 * keeps Payload's error entries as sent (their extra keys, e.g. validation `data`, survive), so a
 * caller that wants more than the message can still read it.
 */
import type { z } from 'zod'

export interface CmsErrorDetail {
  message: string
  [key: string]: unknown
}

export class CmsError extends Error {
  override readonly name = 'CmsError'
  /** HTTP status of the response; 0 when there was none (network error, timeout, abort). */
  readonly status: number
  readonly errors: CmsErrorDetail[]
  /** The request URL, so a log line says which call failed without a stack trace. */
  readonly url: string

  constructor(status: number, errors: CmsErrorDetail[], url: string, options?: { cause?: unknown }) {
    super(errors.map((e) => e.message).join('; ') || `CMS request failed (status ${status})`, options)
    this.status = status
    this.errors = errors
    this.url = url
  }
}

/** `instanceof` breaks when two copies of this module are bundled (e.g. server and edge chunks). */
export function isCmsError(value: unknown): value is CmsError {
  return value instanceof CmsError || (value instanceof Error && value.name === 'CmsError' && 'status' in value)
}

/**
 * One entry per zod issue, each naming the field path (`docs.0.title: expected string, received
 * number`), so a contract drift is found from the log line alone.
 */
export function describeIssues(error: z.ZodError): CmsErrorDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)'
    // zod prefixes most messages with "Invalid input: "; after a field path it only adds noise.
    const message = issue.message.replace(/^Invalid input: /, '')
    return { message: `${path}: ${message}`, path: issue.path.map(String), code: issue.code }
  })
}
