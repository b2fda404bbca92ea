import { auth, type Session } from '../../scripts/lib/restApi'

/**
 * Everything a write could touch, read as an admin over REST: documents with their drafts and the
 * version counts. Two equal snapshots mean nothing was written in between.
 */
export async function databaseSnapshot(cms: string, admin: Session): Promise<string> {
  const get = async (path: string) => (await fetch(`${cms}${path}`, { headers: auth(admin) })).json()
  const parts = await Promise.all([
    get('/api/articles?draft=true&depth=0&limit=1000&sort=id'),
    get('/api/sections?draft=true&depth=0&limit=1000&sort=id'),
    get('/api/citations?draft=true&depth=0&limit=1000&sort=id'),
    get('/api/articles/versions?limit=1&depth=0'),
    get('/api/sections/versions?limit=1&depth=0'),
    get('/api/citations/versions?limit=1&depth=0'),
  ])
  const [articles, sections, citations, ...versions] = parts as { docs: unknown[]; totalDocs: number }[]
  return JSON.stringify({ articles: articles!.docs, sections: sections!.docs, citations: citations!.docs, versions: versions.map((v) => v.totalDocs) })
}
