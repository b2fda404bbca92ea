import type { PayloadRequest } from 'payload'
import { apiCache } from '../../apps/cms/lib/apiCache'
import { sendRevalidation } from '@/webhook/send'
import type { RevalidationEvent } from '@/webhook/schema'
import { cmsEnv } from '@/env'

/**
 * Everything a reader can see changed: drop the API cache here, and tell the reader site to drop
 * its page cache. The webhook is awaited (so a publish returns once the site has purged: the
 * "visible within 2 s" promise) but its failure never fails the editor's save.
 */
export async function notifyContentChanged(req: PayloadRequest, event: RevalidationEvent): Promise<void> {
  apiCache.purge()
  if (req.context.skipRevalidation) return
  const env = cmsEnv()
  const result = await sendRevalidation(env.WEB_URL, env.REVALIDATE_SECRET, event, { timeoutMs: 2_000 })
  if (!result.ok) req.payload.logger.warn(`reader site revalidation failed (${result.status ?? result.error}); pages refresh on their TTL`)
}
