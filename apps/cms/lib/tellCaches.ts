/**
 * What the one post-commit signal does: drop this process's API cache and tell the reader site to
 * drop its page cache. The webhook is awaited, so an editor's publish returns once the site has
 * purged, but its failure never fails the write: pages then refresh on their TTL.
 */
import type { Payload } from 'payload'
import type { CmsEnv } from '@/env'
import { sendRevalidation } from '@/webhook/send'
import type { ContentSignal } from './contentChanges'
import { apiCache } from './apiCache'
import { contentRevision } from './contentRevision'

export const tellCaches =
  (env: Pick<CmsEnv, 'WEB_URL' | 'REVALIDATE_SECRET'>, logger: Payload['logger']): ContentSignal =>
  async (event, revision) => {
    contentRevision.observe(revision)
    apiCache.purge()
    const result = await sendRevalidation(env.WEB_URL, env.REVALIDATE_SECRET, event, { timeoutMs: 2_000 })
    if (!result.ok) logger.warn(`reader site revalidation failed (${result.status ?? result.error}); pages refresh on their TTL`)
  }
