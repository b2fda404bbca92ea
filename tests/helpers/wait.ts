/**
 * Waiting on the state a test needs instead of on time. On two cores shared with other processes a
 * first render can take several seconds, and a fixed sleep is either too short there or wasted on
 * a quiet machine; polling with a generous deadline is neither.
 */

/** Generous: the slowest first page render seen on 2 loaded cores was a few seconds. */
export const SETTLE_MS = 60_000

/** Calls `probe` until it returns a value other than undefined; throws with `what` after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = SETTLE_MS, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch (err) {
      last = err instanceof Error ? err.message : String(err)
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (${last})`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** Fetches `url` until it answers `status`; a cold server may answer 503 while it warms up. */
export function untilStatus(url: string, status = 200, timeoutMs = SETTLE_MS): Promise<Response> {
  return until(`${url} answering ${status}`, async () => {
    const res = await fetch(url)
    if (res.status === status) return res
    await res.body?.cancel()
    throw new Error(`last status ${res.status}`)
  }, timeoutMs)
}

/**
 * Fetches a reader-site page until its front server answers it from memory (`x-cache: HIT`): the
 * precondition of every test about what the page cache keeps.
 */
export function untilCached(url: string, timeoutMs = SETTLE_MS): Promise<Response> {
  return until(`${url} cached`, async () => {
    const res = await fetch(url)
    await res.body?.cancel()
    if (res.status === 200 && res.headers.get('x-cache') === 'HIT') return res
    throw new Error(`last status ${res.status}, x-cache ${res.headers.get('x-cache')}`)
  }, timeoutMs)
}
