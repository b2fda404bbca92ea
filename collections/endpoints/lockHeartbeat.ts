import type { Endpoint } from 'payload'
import { z } from 'zod'
import { holdLock } from '../hooks/documentLocks'

const Params = z.object({ id: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'id must be a document id') })

/**
 * `POST /api/<collection>/<id>/lock-heartbeat`: the open edit view's sign of life. Refreshes the
 * caller's own lock on the document (never takes one: looking is not editing) and answers
 * `{ held: boolean }`. Locks expire LOCK_SECONDS after the last heartbeat, so a closed tab frees
 * the document within a minute while an open one keeps it. 401 without a session; 400 for a bad id.
 */
export const lockHeartbeatEndpoint: Endpoint = {
  path: '/:id/lock-heartbeat',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Log in to hold a document lock' }] }, { status: 401 })
    const params = Params.safeParse(req.routeParams)
    if (!params.success) return Response.json({ errors: [{ message: params.error.issues[0]!.message }] }, { status: 400 })
    const collection = (req.routeParams as { collection?: string }).collection
    if (!collection) return Response.json({ errors: [{ message: 'unknown collection' }] }, { status: 400 })
    const id = req.payload.db.defaultIDType === 'number' ? Number(params.data.id) : params.data.id
    const held = await holdLock(req, collection, id, true)
    return Response.json({ held })
  },
}
