import type { PayloadRequest } from 'payload'

/**
 * Run nested writes without their own reader-site notifications (the caller sends one for the
 * whole change). Payload merges a Local API `context` argument into the shared `req.context` for
 * the rest of the request, which would also silence the caller's own notification; so set the
 * flag here and put the previous value back afterwards.
 */
export async function quietly<T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> {
  const previous = req.context.skipRevalidation
  req.context.skipRevalidation = true
  try {
    return await fn()
  } finally {
    req.context.skipRevalidation = previous
  }
}
