import type { PayloadRequest, Where } from 'payload'

/**
 * How long an editor's lock on an article or section lasts without a sign of life. Short, so a
 * closed tab stops blocking colleagues within a minute; an open tab keeps its lock alive with a
 * heartbeat (LockHeartbeat) well inside this window.
 */
export const LOCK_SECONDS = 60
export const LOCK_DOCUMENTS = { duration: LOCK_SECONDS } as const

/** Payload's own collection of document locks (one row per locked document). */
const LOCKS = 'payload-locked-documents'

const lockOf = (collection: string, id: string | number): Where => ({
  and: [{ 'document.relationTo': { equals: collection } }, { 'document.value': { equals: id } }],
})

type LockRow = { id: string | number; updatedAt: string; user?: { value?: unknown } }

const ownerId = (lock: LockRow): string => {
  const value = lock.user?.value
  return String(typeof value === 'object' && value !== null && 'id' in value ? (value as { id: unknown }).id : value)
}

/**
 * Take or refresh `req.user`'s lock on a document. Another user's live lock is left alone (the
 * caller gets false); an expired one is replaced.
 * CASE `onlyIfHeld`: refresh only a lock this user already holds (a heartbeat must not lock a
 * document its editor has only looked at).
 */
export async function holdLock(req: PayloadRequest, collection: string, id: string | number, onlyIfHeld = false): Promise<boolean> {
  const user = req.user
  if (!user) return false
  const { docs } = await req.payload.db.find<LockRow>({ collection: LOCKS, where: lockOf(collection, id), limit: 1, pagination: false, sort: '-updatedAt', req })
  const lock = docs[0]
  const live = lock && Date.now() - new Date(lock.updatedAt).getTime() <= LOCK_SECONDS * 1000
  if (lock && live && ownerId(lock) !== String(user.id)) return false
  if (lock && live) {
    await req.payload.db.updateOne({ collection: LOCKS, id: lock.id, data: { updatedAt: new Date().toISOString() }, req, returning: false })
    return true
  }
  if (onlyIfHeld) return false
  if (lock) await req.payload.db.deleteMany({ collection: LOCKS, where: lockOf(collection, id), req })
  await req.payload.db.create({
    collection: LOCKS,
    data: { document: { relationTo: collection, value: id }, user: { relationTo: user.collection, value: user.id } },
    req,
    returning: false,
  })
  return true
}
