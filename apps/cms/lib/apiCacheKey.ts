/**
 * The key an anonymous API read is cached under, or undefined when the read must never be cached.
 *
 * Canonical, so equivalent URLs share one entry: parameters sorted by name (the order of repeated
 * names kept, since it can matter), percent-encoding normalised, and parameters that only restate
 * a default (`limit=10`, `page=1`, `depth=1`, `draft=false`) dropped.
 * Never cached: anything about users (sessions, accounts), and paths outside the API.
 */
const DEFAULTS: Record<string, string> = { limit: '10', page: '1', depth: '1', draft: 'false' }
const NEVER = /^\/api\/(?:users(?:\/|$)|payload-preferences|payload-locked-documents|payload-jobs)/

export function canonicalApiKey(url: string): string | undefined {
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  if (!path.startsWith('/api/') || NEVER.test(path)) return undefined
  if (q === -1) return path
  let params: [string, string][]
  try {
    params = [...new URLSearchParams(url.slice(q + 1))]
  } catch {
    return undefined
  }
  const kept = params.filter(([name, value]) => DEFAULTS[name] !== value)
  // Array.prototype.sort is stable: repeated names keep their relative order.
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const query = kept.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')
  return query ? `${path}?${query}` : path
}
