import type { CollectionSlug, PayloadRequest } from 'payload'

/** A timestamp as milliseconds, or null for anything that is not one. */
export const time = (value: unknown): number | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const t = new Date(value).getTime()
  return Number.isNaN(t) ? null : t
}

/** A stable text form for comparing stored values: key order, and null versus absent, do not count. */
export function canonical(value: unknown): string {
  const walk = (v: unknown): unknown => {
    if (v === null || v === undefined) return null
    if (Array.isArray(v)) return v.map(walk)
    if (typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, walk((v as Record<string, unknown>)[k])]))
    return v
  }
  return JSON.stringify(walk(value))
}

/** The stored version of a document saved at `at` (an ISO time), or null once it has been pruned. */
export async function baseVersion(req: PayloadRequest, collection: CollectionSlug, id: string | number, at: string): Promise<Record<string, unknown> | null> {
  const { docs } = await req.payload.db.findVersions({
    collection,
    where: { and: [{ parent: { equals: id } }, { 'version.updatedAt': { equals: at } }] },
    limit: 1,
    pagination: false,
    req,
  })
  return (docs[0]?.version as Record<string, unknown> | undefined) ?? null
}
