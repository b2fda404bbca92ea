/**
 * One signal after commit: every write that changes what readers see records what changed, and one
 * flusher tells every cache (this process's API cache, the reader site's page cache) once, after
 * the write's transaction has committed.
 *
 * Why after commit: a purge sent from inside the transaction reaches readers before the new rows
 * are visible to them, and they refill the caches from the old rows, which then live for the
 * caches' TTLs (measured under load: the last edit was stored, yet pages kept the previous one).
 * Why here, on the database adapter's commit: that is the one moment every writer shares, whether
 * the write came over REST, GraphQL, the admin, the scheduled-publish job, the seed or an import,
 * and in whichever process it runs. Nested writes (an article publishing its sections) record into
 * the same transaction, so one publish is one signal however many documents it touched.
 * Without a transaction (an adapter or call that runs without one) the write is already visible
 * when its hooks run; the changes of one request are then flushed together on the next tick.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { RevalidationEvent } from '@/webhook/schema'
import { advanceContentRevision } from '../../../collections/ContentRevision'

type TransactionId = string | number
/** What one committed change tells the caches: the merged event and the content revision it made. */
export type ContentSignal = (event: RevalidationEvent, revision: number) => Promise<void>

type Pending = { events: RevalidationEvent[]; revision: number }
type Store = { pending: Map<TransactionId, Pending>; untransacted: WeakMap<object, Pending>; signal?: ContentSignal }
// globalThis: Next may load this module more than once in one process (one copy per route bundle),
// while the Payload instance and its adapter are shared; one store keeps recording and flushing together.
const KEY = Symbol.for('tripsitter.contentChanges')
const g = globalThis as unknown as Record<symbol, Store | undefined>
const store: Store = (g[KEY] ??= { pending: new Map(), untransacted: new WeakMap() })
const WRAPPED = Symbol.for('tripsitter.contentChanges.wrapped')

/** Many events of one write as the one event the caches are told (they purge on any event). */
export function mergeEvents(events: readonly RevalidationEvent[]): RevalidationEvent {
  const unique = <T>(xs: T[]) => [...new Set(xs)]
  const [kind, ...otherKinds] = unique(events.map((e) => e.event))
  const [collection, ...otherCollections] = unique(events.map((e) => e.collection))
  const previousSlugs = unique(events.flatMap((e) => e.previousSlugs ?? []))
  return {
    event: kind !== undefined && otherKinds.length === 0 ? kind : 'update',
    collection: collection !== undefined && otherCollections.length === 0 ? collection : 'content',
    slugs: unique(events.flatMap((e) => e.slugs)).slice(0, 100),
    ...(previousSlugs.length > 0 ? { previousSlugs: previousSlugs.slice(0, 100) } : {}),
  }
}

async function emit(pending: Pending | undefined): Promise<void> {
  if (!pending || pending.events.length === 0 || !store.signal) return
  await store.signal(mergeEvents(pending.events), pending.revision)
}

/**
 * Called by content hooks: remember what changed, and advance the content revision once per
 * transaction, inside it (so the revision moves exactly when the change becomes visible). The
 * caches hear of it once the write commits.
 */
export async function recordContentChange(req: PayloadRequest, event: RevalidationEvent): Promise<void> {
  const transactionId = await req.transactionID
  if (transactionId !== undefined && transactionId !== null) {
    const pending = store.pending.get(transactionId)
    if (pending) return void pending.events.push(event)
    store.pending.set(transactionId, { events: [event], revision: await advanceContentRevision(req) })
    return
  }
  const pending = store.untransacted.get(req)
  if (pending) return void pending.events.push(event)
  store.untransacted.set(req, { events: [event], revision: await advanceContentRevision(req) })
  setImmediate(() => {
    const done = store.untransacted.get(req)
    store.untransacted.delete(req)
    void emit(done)
  })
}

/**
 * Wrap the adapter's commit and rollback once per Payload instance: after a commit, emit what its
 * transaction recorded (awaited, so an editor's publish returns once the caches have been told);
 * after a rollback, forget it (nothing readers see changed). `signal` must never throw.
 */
export function installContentSignal(payload: Payload, signal: ContentSignal): void {
  store.signal = signal
  const db = payload.db as Payload['db'] & { [WRAPPED]?: true }
  if (db[WRAPPED]) return
  db[WRAPPED] = true
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id) => {
    await commit(id)
    const key = await id
    const pending = store.pending.get(key)
    store.pending.delete(key)
    await emit(pending)
  }
  db.rollbackTransaction = async (id) => {
    store.pending.delete(await id)
    await rollback(id)
  }
}
