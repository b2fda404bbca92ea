import type { Payload } from 'payload'

/**
 * The Payload instance lives inside Next's route handlers; the config's onInit hook parks it here
 * so express (same process, different module graph) can ask it about the database.
 */
const KEY = Symbol.for('tripsitter.payload')
const g = globalThis as unknown as Record<symbol, Payload | undefined>

export const registerPayload = (payload: Payload): void => {
  g[KEY] = payload
}
export const currentPayload = (): Payload | undefined => g[KEY]
