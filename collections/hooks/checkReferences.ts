import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest } from 'payload'
import { relationId } from '@/text/relationId'
import { refuse } from './refuse'

type Id = string | number

/** Where a body refers to other documents: the field path named in errors, and how to read its ids. */
export type ReferenceSpec = { path: string; collection: CollectionSlug; ids: (data: Record<string, unknown>) => unknown[] | undefined }

/** Ids of a relationship value: one id, a populated doc, or a list of either; null/undefined mean none. */
export function relationIds(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null) return undefined
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null && 'id' in v ? relationId(v as { id: Id }) : v))
}

const wellFormed = (req: PayloadRequest, id: unknown): id is Id =>
  req.payload.db.defaultIDType === 'number'
    ? (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) || (typeof id === 'string' && /^[1-9]\d{0,15}$/.test(id))
    : typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id)

/**
 * Every referenced document must exist, checked on every save including drafts: Payload validates
 * relationships only when publishing, so a draft holding `citation: "abc"` was stored and then
 * failed the editor's publish (400) and every later draft save (500). Refused here with a 400
 * naming the field, before access or any hook queries with the bad id.
 */
export const checkReferences =
  (specs: readonly ReferenceSpec[]): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const data: unknown = args.data
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return args
    for (const spec of specs) {
      const ids = spec.ids(data as Record<string, unknown>)
      if (!ids || ids.length === 0) continue
      const bad = ids.find((id) => !wellFormed(req, id))
      if (bad !== undefined) refuse(req, collection.slug, spec.path, `${spec.path}: ${JSON.stringify(bad) ?? String(bad)} is not a valid ${spec.collection} id`)
      const unique = [...new Set((ids as Id[]).map(String))]
      const { docs } = await req.payload.find({ collection: spec.collection, where: { id: { in: unique } }, select: {}, depth: 0, limit: unique.length, pagination: false, draft: true, overrideAccess: true, req })
      const found = new Set(docs.map((d) => String(d.id)))
      const missing = unique.find((id) => !found.has(id))
      if (missing !== undefined) refuse(req, collection.slug, spec.path, `${spec.path}: no ${spec.collection} with id ${missing}`)
    }
    return args
  }
