import type { PayloadRequest } from 'payload'
import type { Section } from '@/payload-types'
import { SECTIONS } from '../slugs'

type Field = Exclude<keyof Section, 'id'>

/**
 * Sections by id, as editors see them (latest drafts), in the order of `ids` (the database returns
 * its own order), with only the fields asked for. Article hooks read sections this way to derive,
 * claim and publish them; it bypasses access because hooks act for the whole article.
 */
export async function latestSectionVersions<F extends Field>(req: PayloadRequest, ids: Section['id'][], fields: F[]): Promise<Pick<Section, 'id' | F>[]> {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection: SECTIONS,
    where: { id: { in: ids } },
    select: Object.fromEntries(fields.map((f) => [f, true])),
    draft: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map((docs as Pick<Section, 'id' | F>[]).map((d) => [String(d.id), d]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}
