/**
 * Each signed webhook is acted on once. The signature already limits a captured request to the
 * tolerance window; within it, the receiver remembers every signature it accepted and refuses a
 * second delivery. The sender puts a random event id in every body, so two real events are never
 * byte-identical (and so never share a signature), even when sent within the same second.
 */
import { DEFAULT_SIGNATURE_TOLERANCE_SECONDS } from './signature'

export interface ReplayGuard {
  /** True the first time a signature header is seen within its window; false for a replay. */
  firstSeen(signatureHeader: string, nowSeconds?: number): boolean
}

/** Signed requests are rare (one per publish); the cap only bounds memory against a runaway sender. */
const MAX_REMEMBERED = 10_000

export function createReplayGuard(toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS): ReplayGuard {
  const seen = new Map<string, number>() // signature -> unix second after which it cannot verify anyway
  return {
    firstSeen(signatureHeader, nowSeconds = Math.floor(Date.now() / 1000)) {
      for (const [signature, expires] of seen) {
        if (expires >= nowSeconds && seen.size < MAX_REMEMBERED) break
        seen.delete(signature) // insertion order is expiry order, give or take the clock skew allowed
      }
      const key = signatureHeader.trim()
      if (seen.has(key)) return false
      const timestamp = Number(/^t=(\d+)/.exec(key)?.[1] ?? nowSeconds)
      seen.set(key, timestamp + toleranceSeconds)
      return true
    },
  }
}
