import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Constant-time comparison of a secret. Both sides are hashed first, so the comparison takes the same
 * time whatever the lengths (timingSafeEqual alone throws on a length mismatch, which leaks the length).
 */
export function secretsMatch(given: string, expected: string): boolean {
  if (expected.length === 0) return false
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
