/**
 * Asks the CMS once a second whether anything readers see has changed (`GET /api/content-revision`,
 * conditional, answered from the CMS's memory) and purges the page cache when the revision moved.
 *
 * Why, beside the webhook: the webhook is the fast path, but it goes to one address and can be lost
 * (a reader instance behind a load balancer, a network blip, a restart at the wrong moment). The
 * revision is the one truth in the database; polling it bounds how long any instance can serve a
 * stale page, and needs no list of instances anywhere.
 */
import { ContentRevision } from '@/cms/schemas'

export type RevisionPollerOptions = {
  cmsUrl: string
  intervalMs: number
  onMove: (from: number, to: number) => void
  log?: (line: string) => void
  fetch?: typeof fetch
}

export function pollContentRevision({ cmsUrl, intervalMs, onMove, log = console.warn, fetch: fetchImpl = fetch }: RevisionPollerOptions): { stop: () => void; known: () => number | undefined } {
  let known: number | undefined
  let busy = false
  let failing = false
  const url = `${cmsUrl.replace(/\/+$/, '')}/api/content-revision`
  const tick = async () => {
    const res = await fetchImpl(url, { headers: known === undefined ? {} : { 'if-none-match': `"rev-${known}"` }, signal: AbortSignal.timeout(Math.max(intervalMs, 1_000)) })
    if (res.status === 304) return void (await res.arrayBuffer())
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const { revision } = ContentRevision.parse(await res.json())
    // The first answer after start is the baseline: a fresh process's cache was filled at or after it.
    if (known !== undefined && revision !== known) onMove(known, revision)
    known = revision
  }
  const timer = setInterval(() => {
    if (busy) return
    busy = true
    tick()
      .then(() => {
        if (failing) log('[web] content revision reachable again')
        failing = false
      })
      .catch((err: unknown) => {
        // Logged once per outage: the webhook and the page TTL still bound staleness meanwhile.
        if (!failing) log(`[web] content revision check failed (${err instanceof Error ? err.message : String(err)}); will keep trying`)
        failing = true
      })
      .finally(() => (busy = false))
  }, intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer), known: () => known }
}
