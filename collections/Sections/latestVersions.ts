import type { PayloadRequest } from 'payload'
import type { Citation, Section } from '@/payload-types'
import { CITATIONS, SECTIONS } from '../slugs'

type Drafted = { [SECTIONS]: Section; [CITATIONS]: Citation }

/**
 * Documents by id, as editors see them (latest drafts), in the order of `ids` (the database returns
 * its own order), with only the fields asked for. Article hooks read sections and citations this way
 * to derive, claim and publish them; it bypasses access because hooks act for the whole article.
 */
export async function latestVersions<C extends keyof Drafted, F extends Exclude<keyof Drafted[C], 'id'>>(
  req: PayloadRequest,
  collection: C,
  ids: ReadonlyArray<string | number>,
  fields: F[],
): Promise<Pick<Drafted[C], 'id' | F>[]> {
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({
    collection,
    where: { id: { in: ids } },
    select: Object.fromEntries(fields.map((f) => [f, true])),
    draft: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map((docs as Pick<Drafted[C], 'id' | F>[]).map((d) => [String(d.id), d]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

export const latestSectionVersions = <F extends Exclude<keyof Section, 'id'>>(req: PayloadRequest, ids: Section['id'][], fields: F[]) =>
  latestVersions(req, SECTIONS, ids, fields)
