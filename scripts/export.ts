/**
 * npm run export [-- <file.json>]
 *
 * Writes all content to one JSON file (default `<DATA_DIR>/export-<timestamp>.json`, mode 0600):
 * articles, sections and citations with every saved version, people, topics, claim dismissals, image
 * records, and users without any secret (see scripts/lib/contentFile.ts for the format and why users
 * are an allow-list). The image files (uploads and their renditions) are copied into a folder beside
 * it, `<file>.media/`. Reads through the Local API inside one transaction, so the file is one
 * consistent moment even while editors work.
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
import { Article, ArticleVersion, Citation, ClaimDismissal, CitationVersion, ContentFile, FORMAT, FORMAT_VERSION, Media, Person, Section, SectionVersion, Topic, User, describeIssues, mediaDirFor, mediaFiles, missingMediaFiles } from './lib/contentFile'
import { runMain } from './lib/runMain'
import { openPayload, withinStartup } from './lib/startup'
import { cmsEnv } from '../src/env'

export class ExportError extends Error {}

/** Every document of a collection, as stored (depth 0: relationships as ids), oldest id first. */
type Exported = 'users' | 'media' | 'people' | 'topics' | 'citations' | 'claim-dismissals' | 'articles' | 'sections'

async function allDocs(payload: Payload, req: PayloadRequest, collection: Exported): Promise<Record<string, unknown>[]> {
  const { docs } = await payload.find({ collection, depth: 0, pagination: false, overrideAccess: true, draft: false, sort: 'id', req })
  return docs as unknown as Record<string, unknown>[]
}

/** Versions in the order they were saved; the import replays them in this order. */
async function allVersions(payload: Payload, req: PayloadRequest, collection: 'articles' | 'sections' | 'citations'): Promise<Record<string, unknown>[]> {
  const { docs } = await payload.findVersions({ collection, depth: 0, pagination: false, overrideAccess: true, sort: ['createdAt', 'id'], req })
  return docs as unknown as Record<string, unknown>[]
}

/** Users by allow-list: whatever Payload adds to a user (sessions, hashes, API key flags) never reaches the file. */
const publicUser = (u: Record<string, unknown>) => ({ id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt, updatedAt: u.updatedAt })

type Row = Record<string, unknown>

/**
 * An image record as stored: URLs are left out (the CMS derives them from its own address on every
 * read, so they would differ after a move), and so are renditions the upload never got.
 */
function storedMedia({ url: _url, thumbnailURL: _thumb, sizes, ...row }: Row): Row {
  const kept = Object.entries((sizes ?? {}) as Record<string, Row>)
    .filter(([, size]) => size?.filename)
    .map(([name, { url: _sizeUrl, ...size }]) => [name, size])
  return { ...row, sizes: Object.fromEntries(kept) }
}

/** The folder the CMS keeps uploads in (the media collection's `staticDir`). */
export function mediaFolder(payload: Payload): string {
  const upload = payload.collections.media.config.upload
  if (!upload || typeof upload.staticDir !== 'string') throw new ExportError('the media collection has no upload folder')
  return path.resolve(upload.staticDir)
}

/** Image records (already fitting the format) whose files are all on disk; each other one is reported and left out. */
function withFiles(rows: Row[], folder: string, skipped: string[]): Row[] {
  return rows.filter((row) => {
    const missing = missingMediaFiles(row as Media, folder)
    if (missing.length > 0) skipped.push(`media ${String(row.id)}: ${missing.join(', ')} missing from ${folder}`)
    return missing.length === 0
  })
}

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

type Raw = { [K in 'users' | 'media' | 'people' | 'topics' | 'citations' | 'claimDismissals' | 'articles' | 'sections']: Row[] } & { versions: { articles: Row[]; sections: Row[]; citations: Row[] } }

/** Drop ids from relationships (one id or a list, by field) that name documents left out. */
function onlyKept(row: Row, kept: Record<string, Set<string>>): Row {
  const out = { ...row }
  for (const [key, ids] of Object.entries(kept)) {
    const value = out[key]
    if (Array.isArray(value)) out[key] = value.filter((id) => ids.has(String(id)))
    else if (value != null && !ids.has(String(value))) out[key] = null
  }
  return out
}

/** The database's rows with unfit ones left out; `skipped` says which and why. */
function keepFitting(raw: Raw, uploads: string, skipped: string[]) {
  const present = (kept: Row[]) => new Set(kept.map((r) => String(r.id)))
  const media = withFiles(fitting(raw.media, Media, 'media', skipped), uploads, skipped)
  const mediaIds = present(media)
  const people = fitting(raw.people, Person, 'person', skipped).map((p) => onlyKept(p, { photo: mediaIds }))
  const topics = fitting(raw.topics, Topic, 'topic', skipped)
  const citations = fitting(raw.citations, Citation, 'citation', skipped)
  const articles = fitting(raw.articles, Article, 'article', skipped)
  const sections = whosePresent(fitting(raw.sections, Section, 'section', skipped), 'article', articles, 'section', skipped)
  const [peopleIds, topicIds] = [present(people), present(topics)]
  // An article, and each saved version of it, may name only documents the file has.
  const articleRefs = { sections: present(sections), citations: present(citations), authors: peopleIds, medicalReviewer: peopleIds, topics: topicIds, heroImage: mediaIds }
  const withKeptRefs = (v: Row): Row => ({ ...v, version: onlyKept((v.version ?? {}) as Row, articleRefs) })
  return {
    users: fitting(raw.users, User, 'user', skipped),
    media,
    people,
    topics,
    citations,
    claimDismissals: whosePresent(fitting(raw.claimDismissals, ClaimDismissal, 'claim dismissal', skipped), 'citation', citations, 'claim dismissal', skipped),
    articles: articles.map((a) => onlyKept(a, articleRefs)),
    sections,
    versions: {
      articles: whosePresent(fitting(raw.versions.articles, ArticleVersion, 'article version', skipped), 'parent', articles, 'article version', skipped).map(withKeptRefs),
      sections: whosePresent(fitting(raw.versions.sections, SectionVersion, 'section version', skipped), 'parent', sections, 'section version', skipped),
      citations: whosePresent(fitting(raw.versions.citations, CitationVersion, 'citation version', skipped), 'parent', citations, 'citation version', skipped),
    },
  }
}

export async function exportContent(payload: Payload, skipped: string[] = []): Promise<ContentFile> {
  const { createLocalReq, initTransaction, killTransaction } = await withinStartup(import('payload'))
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const rows = keepFitting(
      {
        users: (await allDocs(payload, req, 'users')).map(publicUser),
        media: (await allDocs(payload, req, 'media')).map(storedMedia),
        people: await allDocs(payload, req, 'people'),
        topics: await allDocs(payload, req, 'topics'),
        citations: await allDocs(payload, req, 'citations'),
        claimDismissals: await allDocs(payload, req, 'claim-dismissals'),
        articles: await allDocs(payload, req, 'articles'),
        sections: await allDocs(payload, req, 'sections'),
        versions: { articles: await allVersions(payload, req, 'articles'), sections: await allVersions(payload, req, 'sections'), citations: await allVersions(payload, req, 'citations') },
      },
      mediaFolder(payload),
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

/**
 * Write atomically (temp file + rename) so a crash never leaves half a file under the final name.
 * The image files go first, into `<file>.media/` (see mediaDirFor): a JSON file under its final
 * name always has its images beside it.
 */
export function writeContentFile(file: string, content: ContentFile, mediaFrom: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const folder = mediaDirFor(file)
  const tempFolder = `${folder}.tmp-${process.pid}`
  fs.rmSync(tempFolder, { recursive: true, force: true })
  fs.mkdirSync(tempFolder, { mode: 0o700 })
  for (const name of content.media.flatMap(mediaFiles)) fs.copyFileSync(path.join(mediaFrom, name), path.join(tempFolder, name))
  fs.rmSync(folder, { recursive: true, force: true })
  fs.renameSync(tempFolder, folder)
  const temp = `${file}.tmp-${process.pid}`
  fs.writeFileSync(temp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 })
  fs.renameSync(temp, file)
}

export function summary(content: ContentFile): string {
  return [
    `users: ${content.users.length} (no passwords, API keys or sessions)`,
    `people: ${content.people.length}, topics: ${content.topics.length}`,
    `images: ${content.media.length} (${content.media.flatMap(mediaFiles).length} files)`,
    `articles: ${content.articles.length} (${content.articles.filter((a) => a._status === 'published').length} published), ${content.versions.articles.length} versions`,
    `sections: ${content.sections.length}, ${content.versions.sections.length} versions`,
    `citations: ${content.citations.length}, ${content.versions.citations.length} versions, claim dismissals: ${content.claimDismissals.length}`,
  ].join('\n')
}

async function main(argv: string[]): Promise<number> {
  if (argv.length > 1 || argv.some((a) => a.startsWith('--'))) throw new ExportError('usage: npm run export [-- <file.json>]')
  const file = path.resolve(argv[0] ?? path.join(cmsEnv().DATA_DIR, `export-${new Date().toISOString().replace(/[:.]/g, '-')}.json`))
  const payload = await openPayload()
  try {
    const skipped: string[] = []
    const content = await exportContent(payload, skipped)
    writeContentFile(file, content, mediaFolder(payload))
    if (skipped.length > 0) console.error(`left out ${skipped.length} row(s) that do not fit the export format:\n${skipped.join('\n')}`)
    console.log(`exported to ${file} (images in ${mediaDirFor(file)})\n${summary(content)}`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runMain(import.meta.url, main, (err): err is ExportError => err instanceof ExportError)
