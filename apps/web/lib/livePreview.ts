/**
 * Live preview while typing. The admin posts the editor's unsaved form to the preview frame; the
 * frame sends it to `POST /api/preview/live`, which renders the article page with it in place of
 * the latest draft and returns the page's HTML, so the preview shows the same markup readers will
 * get. The route renders by requesting the page from this very process (its internal Next port),
 * handing the text over in memory under a random key: with several reader-site instances behind a
 * load balancer, no other instance is involved.
 */
import { randomUUID } from 'node:crypto'
import type { LiveArticleInput } from '@/cms/schemas'

/** The request header that names the text a live render is for. */
export const LIVE_PREVIEW_HEADER = 'x-live-preview'
/** Set by apps/web/server.ts: where this process's Next answers, on loopback. */
export const INTERNAL_ORIGIN_ENV = 'WEB_INTERNAL_ORIGIN'

/** A render takes well under a second; the bound only keeps a stuck one from holding memory. */
const HELD_MS = 30_000
const MAX_HELD = 200

/** The editor's unsaved form and the CMS session it is read with. */
export type HeldLive = { live: LiveArticleInput; token: string }
type Held = HeldLive & { until: number }

// One store per process: the route and the page are bundled apart (two module instances), so it
// lives on globalThis under a registered symbol both can reach.
const STORE = Symbol.for('tripsitter.livePreview')
const store = (): Map<string, Held> => {
  const g = globalThis as { [STORE]?: Map<string, Held> }
  return (g[STORE] ??= new Map())
}

export function holdLive(live: LiveArticleInput, token: string): string {
  const held = store()
  const now = Date.now()
  for (const [key, entry] of held) if (entry.until < now || held.size >= MAX_HELD) held.delete(key)
  const key = randomUUID()
  held.set(key, { live, token, until: now + HELD_MS })
  return key
}

/** The text held under `key` (read by both the page and its metadata), or null. */
export function heldLive(key: string | null): HeldLive | null {
  if (!key) return null
  const entry = store().get(key)
  return entry && entry.until >= Date.now() ? { live: entry.live, token: entry.token } : null
}

export const releaseLive = (key: string): void => {
  store().delete(key)
}

export function internalOrigin(): string | null {
  return process.env[INTERNAL_ORIGIN_ENV] ?? null
}
