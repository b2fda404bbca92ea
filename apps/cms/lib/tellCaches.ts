/**
 * What the one post-commit signal does: drop this process's API cache and tell the reader site to
 * drop its page cache. In a process that does not serve the API (the seed, an import) the running
 * CMS is told too, by the same signed webhook, so its in-memory API cache drops the old rows at once
 * rather than when its revision watcher next looks. The webhooks are awaited, so an editor's publish
 * returns once the site has purged, but their failure never fails the write: the content revision
 * and the TTLs still bound staleness.
 */
import type { Payload } from 'payload'
import type { CmsEnv } from '@/env'
import { sendRevalidation } from '@/webhook/send'
import type { ContentSignal } from './contentChanges'
import { apiCache } from './apiCache'
import { contentRevision } from './contentRevision'

export const tellCaches =
  (env: Pick<CmsEnv, 'WEB_URL' | 'CMS_URL' | 'REVALIDATE_SECRET'>, logger: Payload['logger']): ContentSignal =>
  async (event, revision) => {
    contentRevision.observe(revision)
    apiCache.purge()
    const targets = apiCache.servedHere() ? [env.WEB_URL] : [env.WEB_URL, env.CMS_URL]
    const results = await Promise.all(targets.map((url) => sendRevalidation(url, env.REVALIDATE_SECRET, event, { timeoutMs: 2_000 })))
    results.forEach((result, i) => {
      if (!result.ok) logger.warn(`revalidation webhook to ${targets[i]} failed (${result.status ?? result.error}); the content revision catches up`)
    })
  }
