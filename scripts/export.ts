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
 * Exit 0 with a summary. A stored row that does not fit the format (for example a status other than
 * draft/published saved before the CMS refused such values) is reported on stderr with its id and
 * left out, with what depended on it, so one bad row never blocks a backup of everything else.
 * Exit 1 with one message when the database cannot be read or the remaining content still does not
 * fit the format (then nothing is written).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import type { z } from 'zod'
import { Article, ArticleVersion, Citation, ContentFile, FORMAT, FORMAT_VERSION, Section, SectionVersion, User, describeIssues } from './lib/contentFile'
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

type Row = Record<string, unknown>

/** Image files are not part of the file: an article's hero image is left out (see the README). */
const withoutImage = ({ heroImage: _image, ...row }: Row): Row => row
const versionWithoutImage = (v: Row): Row => ({ ...v, version: withoutImage((v.version ?? {}) as Row) })

/** Rows that fit `schema`; each other row is reported (`collection id: problems`) and left out. */
function fitting(rows: Row[], schema: z.ZodType, name: string, skipped: string[]): Row[] {
  return rows.filter((row) => {
    const result = schema.safeParse(row)
    if (!result.success) skipped.push(`${name} ${String(row.id)}:\n${describeIssues(result.error, 3)}`)
    return result.success
  })
}

/** Drop rows whose `key` names a document that was left out, reporting each. */
function whosePresent(rows: Row[], key: string, kept: Row[], name: string, skipped: string[]): Row[] {
  const ids = new Set(kept.map((r) => String(r.id)))
  return rows.filter((row) => {
    const ref = row[key]
    const ok = ref == null || ids.has(String(ref))
    if (!ok) skipped.push(`${name} ${String(row.id)}: its ${key} ${String(ref)} was left out`)
    return ok
  })
}

/** The database's rows with unfit ones left out; `skipped` says which and why. */
function keepFitting(raw: { users: Row[]; citations: Row[]; articles: Row[]; sections: Row[]; versions: { articles: Row[]; sections: Row[] } }, skipped: string[]) {
  const citations = fitting(raw.citations, Citation, 'citation', skipped)
  const articles = fitting(raw.articles, Article, 'article', skipped)
  const sections = whosePresent(fitting(raw.sections, Section, 'section', skipped), 'article', articles, 'section', skipped)
  const present = (kept: Row[]) => new Set(kept.map((r) => String(r.id)))
  const [sectionIds, citationIds] = [present(sections), present(citations)]
  const only = (list: unknown, ids: Set<string>) => (Array.isArray(list) ? list.filter((id) => ids.has(String(id))) : list)
  return {
    users: fitting(raw.users, User, 'user', skipped),
    citations,
    articles: articles.map((a) => ({ ...a, sections: only(a.sections, sectionIds), citations: only(a.citations, citationIds) })),
    sections,
    versions: {
      articles: whosePresent(fitting(raw.versions.articles, ArticleVersion, 'article version', skipped), 'parent', articles, 'article version', skipped),
      sections: whosePresent(fitting(raw.versions.sections, SectionVersion, 'section version', skipped), 'parent', sections, 'section version', skipped),
    },
  }
}

export async function exportContent(payload: Payload, skipped: string[] = []): Promise<ContentFile> {
  const { createLocalReq, initTransaction, killTransaction } = await import('payload')
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const rows = keepFitting(
      {
        users: (await allDocs(payload, req, 'users')).map(publicUser),
        citations: await allDocs(payload, req, 'citations'),
        articles: (await allDocs(payload, req, 'articles')).map(withoutImage),
        sections: await allDocs(payload, req, 'sections'),
        versions: { articles: (await allVersions(payload, req, 'articles')).map(versionWithoutImage), sections: await allVersions(payload, req, 'sections') },
      },
      skipped,
    )
    const raw = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      exportedAt: new Date().toISOString(),
      source: { database: payload.db.name === 'mongoose' ? 'mongodb' : 'sqlite', idType: payload.db.defaultIDType },
      ...rows,
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
    const skipped: string[] = []
    const content = await exportContent(payload, skipped)
    writeContentFile(file, content)
    if (skipped.length > 0) console.error(`left out ${skipped.length} row(s) that do not fit the export format:\n${skipped.join('\n')}`)
    console.log(`exported to ${file}\n${summary(content)}`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runMain(import.meta.url, main, (err): err is ExportError => err instanceof ExportError)
