import type { PayloadRequest } from 'payload'
import { ARTICLES } from '../slugs'

/**
 * Ids of the articles whose latest version (what editors and access checks see) lists this user as
 * a writer (a login account that may edit it). Sections have no authors of their own: they follow their article. Read with the
 * request's transaction so an article created earlier in the same request counts.
 */
export async function authoredArticleIds(req: PayloadRequest): Promise<(string | number)[]> {
  if (!req.user) return []
  const { docs } = await req.payload.find({
    collection: ARTICLES,
    where: { writers: { contains: req.user.id } },
    select: {},
    draft: true,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.map((d) => d.id)
}
