import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { seesDrafts } from '../access/roles'
import type { ClaimFinding } from './claimFindings'

const Params = z.object({ id: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'id must be a document id') })

/**
 * `GET /api/<collection>/<id>/claims`: `{ findings: [...] }`, the claim warnings (see
 * src/citations/claims.ts) of an article, or of every article citing a citation, with their
 * dismissals. Staff only: it reads drafts. 401 without a session, 403 for readers' accounts.
 */
export const claimsEndpoint = (find: (req: PayloadRequest, id: string | number) => Promise<ClaimFinding[]>): Endpoint => ({
  path: '/:id/claims',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ errors: [{ message: 'Log in to see claim checks' }] }, { status: 401 })
    if (!seesDrafts(req.user)) return Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 })
    const params = Params.safeParse(req.routeParams)
    if (!params.success) return Response.json({ errors: [{ message: params.error.issues[0]!.message }] }, { status: 400 })
    const id = req.payload.db.defaultIDType === 'number' ? Number(params.data.id) : params.data.id
    return Response.json({ findings: await find(req, id) }, { headers: { 'cache-control': 'no-store' } })
  },
})
