import type { RequestHandler } from 'express'
import type { CmsEnv } from '@/env'
import { apiCache } from '../lib/apiCache'
import { sendRevalidation } from '@/webhook/send'
import { isRead } from './requestKind'

/**
 * Purge the caches again once a write that changed public content has committed.
 *
 * Why: the content hooks (collections/hooks/notifyContentChanged.ts) purge the API cache and send
 * the reader site's webhook from afterChange, which runs inside the write's transaction. Readers
 * arriving between that purge and the commit refill both caches from the rows as they were before
 * the write, and those copies then live for the caches' TTLs. Measured under load (50 readers,
 * 3 publishes): the last edit was stored, yet the by-slug API and the reader page kept serving the
 * previous one. A write's HTTP response is sent only after its transaction commits, so its
 * 'finish' is the first moment a purge is guaranteed to be followed by fresh reads.
 *
 * Only writes during which a hook purged (the cache generation moved) are re-announced, so draft
 * autosaves cost nothing. Local API writers in other processes (seed, import) are not covered: they
 * need the hook itself to notify after commit.
 */
export function purgeAfterCommit(env: Pick<CmsEnv, 'WEB_URL' | 'REVALIDATE_SECRET'>, log: (line: string) => void = console.warn): RequestHandler {
  return (req, res, next) => {
    if (isRead(req)) return next()
    const before = apiCache.generation()
    res.once('finish', () => {
      if (res.statusCode >= 400 || apiCache.generation() === before) return
      apiCache.purge()
      void sendRevalidation(env.WEB_URL, env.REVALIDATE_SECRET, { event: 'update', collection: 'content', slugs: [] }, { timeoutMs: 2_000 }).then((result) => {
        if (!result.ok) log(`[cms] post-commit revalidation failed (${result.status ?? result.error}); pages refresh on their TTL`)
      })
    })
    next()
  }
}
