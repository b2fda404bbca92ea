/**
 * This process's view of the content revision (collections/ContentRevision.ts): what `GET
 * /api/content-revision` answers from memory, and what the API cache was filled at.
 *
 * Kept current two ways: a commit in this process sets it at once (tellCaches.ts), and a watcher
 * reads the database every half second, so a change committed by another process (another CMS
 * instance, the seed, an import) purges this process's API cache within that interval.
 * On globalThis for the same reason as the API cache: Payload's hooks and express share the
 * process but not the module instances.
 */
import type { Payload } from 'payload'
import { readContentRevision } from '../../../collections/ContentRevision'

type Store = { revision: number | undefined }
const KEY = Symbol.for('tripsitter.contentRevision')
const g = globalThis as unknown as Record<symbol, Store | undefined>
const store: Store = (g[KEY] ??= { revision: undefined })

export const WATCH_INTERVAL_MS = 500

export const contentRevision = {
  current: (): number | undefined => store.revision,
  /** Returns true when the revision moved forward (never backwards: reads can arrive out of order). */
  observe(revision: number): boolean {
    if (store.revision !== undefined && revision <= store.revision) return false
    const moved = store.revision !== undefined
    store.revision = revision
    return moved
  },
}

/** Poll the committed revision; `onMove` runs when another process advanced it. Stops with the process. */
export function watchContentRevision(payload: () => Payload | undefined, onMove: () => void, intervalMs = WATCH_INTERVAL_MS): () => void {
  let busy = false
  const timer = setInterval(() => {
    const instance = payload()
    if (!instance || busy) return
    busy = true
    readContentRevision(instance)
      .then((revision) => {
        if (contentRevision.observe(revision)) onMove()
      })
      .catch(() => undefined) // the database being away is /readyz's business; keep the last value
      .finally(() => (busy = false))
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
