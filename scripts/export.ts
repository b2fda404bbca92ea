/**
 * npm run export [-- <file.json>]
 *
 * Writes all content to one JSON file (default `<DATA_DIR>/export-<timestamp>.json`, mode 0600):
 * articles, sections and citations with every saved version, and users without any secret (see
 * scripts/lib/contentFile.ts for the format and why users are an allow-list). Reads through the
 * Local API inside one transaction, so the file is one consistent moment even while editors work.
 *
 * Not exported, on purpose: admin preferences, document locks, scheduled-publish jobs and migration
 * bookkeeping (state of the running system, not content), and sessions, password hashes and API keys.
 * Exit 0 with a summary; 1 with one message when the database cannot be read or its content does not
 * fit the format (then nothing is written).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import { ContentFile, FORMAT, FORMAT_VERSION, describeIssues } from './lib/contentFile'
import { runMain } from './lib/runMain'

export class ExportError extends Error {}

/** Every document of a collection, as stored (depth 0: relationships as ids), oldest id first. */
async function allDocs(payload: Payload, req: PayloadRequest, collection: 'users' | 'citations' | 'articles' | 'sections'): Promise<Record<string, unknown>[]> {
  const { docs } = await payload.find({ collection, depth: 0, pagination: false, overrideAccess: true, draft: false, sort: 'id', req })
  return docs as unknown as Record<string, unknown>[]
}

/** Versions in the order they were saved; the import replays them in this order. */
async function allVersions(payload: Payload, req: PayloadRequest, collection: 'articles' | 'sections'): Promise<Record<string, unknown>[]> {
  const { docs } = await payload.findVersions({ collection, depth: 0, pagination: false, overrideAccess: true, sort: ['createdAt', 'id'], req })
  return docs as unknown as Record<string, unknown>[]
}

/** Users by allow-list: whatever Payload adds to a user (sessions, hashes, API key flags) never reaches the file. */
const publicUser = (u: Record<string, unknown>) => ({ id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt, updatedAt: u.updatedAt })

export async function exportContent(payload: Payload): Promise<ContentFile> {
  const { createLocalReq, initTransaction, killTransaction } = await import('payload')
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const raw = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      source: { database: payload.db.name === 'mongoose' ? 'mongodb' : 'sqlite', idType: payload.db.defaultIDType },
      users: (await allDocs(payload, req, 'users')).map(publicUser),
      citations: await allDocs(payload, req, 'citations'),
      articles: await allDocs(payload, req, 'articles'),
      sections: await allDocs(payload, req, 'sections'),
      versions: { articles: await allVersions(payload, req, 'articles'), sections: await allVersions(payload, req, 'sections') },
    }
    const parsed = ContentFile.safeParse(raw)
    if (!parsed.success) throw new ExportError(`the database content does not fit the export format (update scripts/lib/contentFile.ts):\n${describeIssues(parsed.error)}`)
    return parsed.data
  } finally {
    // Read-only: nothing to commit; ending the transaction releases the snapshot.
    await killTransaction(req)
  }
}

/** Write atomically (temp file + rename) so a crash never leaves half a file under the final name. */
export function writeContentFile(file: string, content: ContentFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.tmp-${process.pid}`
  fs.writeFileSync(temp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 })
  fs.renameSync(temp, file)
}

export function summary(content: ContentFile): string {
  return [
    `users: ${content.users.length} (no passwords, API keys or sessions)`,
    `articles: ${content.articles.length} (${content.articles.filter((a) => a._status === 'published').length} published), ${content.versions.articles.length} versions`,
    `sections: ${content.sections.length}, ${content.versions.sections.length} versions`,
    `citations: ${content.citations.length}`,
  ].join('\n')
}

async function main(argv: string[]): Promise<number> {
  if (argv.length > 1 || argv.some((a) => a.startsWith('--'))) throw new ExportError('usage: npm run export [-- <file.json>]')
  const [{ getPayload }, { default: config }, { cmsEnv }] = await Promise.all([import('payload'), import('../payload.config'), import('../src/env')])
  const file = path.resolve(argv[0] ?? path.join(cmsEnv().DATA_DIR, `export-${new Date().toISOString().replace(/[:.]/g, '-')}.json`))
  const payload = await getPayload({ config })
  try {
    const content = await exportContent(payload)
    writeContentFile(file, content)
    console.log(`exported to ${file}\n${summary(content)}`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runMain(import.meta.url, main, (err): err is ExportError => err instanceof ExportError)
