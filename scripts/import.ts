/**
 * npm run import -- <file.json>
 *
 * Restores an export (scripts/export.ts) into an EMPTY database, in one transaction: on any error
 * nothing is left behind. A database that already has users or content is refused, because merging
 * two histories (ids, slugs, versions) has no single right answer.
 *
 * What is restored, and how:
 * - Documents keep their ids, timestamps, drafts/published state and derived fields exactly. They are
 *   written through `payload.db` (the database layer of the Local API) rather than `payload.create`,
 *   because create would run the collection hooks: assign new ids and timestamps, re-derive fields,
 *   save a new version per document and notify the reader site, i.e. not restore but re-author.
 * - Version history is replayed in saved order with `payload.db.createVersion`, which keeps each
 *   version's content, timestamps and autosave flag and marks the newest one `latest`, so "published
 *   with a newer draft" comes back as it was. Version ids are assigned anew (in the same order); the
 *   Local API has no way to choose them, and nothing refers to them.
 * - Users come back without passwords (the export never has them): hashes are secrets, and a restore
 *   is also how content moves to a new machine, where old credentials should not follow silently.
 *   The import prints one password-reset link per user (valid 24 h), which the admin hands out.
 * - Image files come from the folder beside the file (`<file>.media/`, see mediaDirFor) and are
 *   copied into the CMS's upload folder; a file already there with other bytes is refused, and
 *   files copied by an import that then fails are removed again.
 * - Ids must be of the target database's kind (numbers for SQLite, ObjectIds for MongoDB); moving
 *   between the two would need every relationship, including the citation ids inside rich text,
 *   rewritten, and is refused with a message rather than done half-right.
 *
 * Exit 0 with a summary; 1 with one clear message (bad file, non-empty database, failed write).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import { ContentFile, describeIssues, mediaDirFor, mediaFiles, missingMediaFiles, type Id } from './lib/contentFile'
import { mediaFolder, summary } from './export'
import { runMain } from './lib/runMain'
import { openPayload, withinStartup } from './lib/startup'
import { cmsEnv } from '../src/env'
import { NESTED_WRITE } from '../collections/hooks/withContext'

export class ImportError extends Error {}

/** A whole export of this site is a few MB; a file far beyond that is the wrong file. */
const MAX_FILE_BYTES = 512 * 1024 * 1024
const RESET_LINK_VALID_MS = 24 * 60 * 60 * 1000

export function readContentFile(file: string): ContentFile {
  let text: string
  try {
    const size = fs.statSync(file).size
    if (size > MAX_FILE_BYTES) throw new ImportError(`${file}: larger than ${MAX_FILE_BYTES} bytes; not an export of this site`)
    text = fs.readFileSync(file, 'utf8')
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ImportError(`${file}: not JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  const parsed = ContentFile.safeParse(json)
  if (!parsed.success) throw new ImportError(`${file}: not a valid export:\n${describeIssues(parsed.error)}`)
  return parsed.data
}

async function existing(payload: Payload): Promise<string[]> {
  const counts: [string, number][] = []
  for (const collection of ['users', 'articles', 'sections', 'citations', 'people', 'topics', 'media', 'claim-dismissals'] as const) {
    counts.push([collection, (await payload.count({ collection, overrideAccess: true })).totalDocs])
  }
  for (const collection of ['articles', 'sections', 'citations'] as const) {
    counts.push([`${collection} versions`, (await payload.countVersions({ collection, overrideAccess: true })).totalDocs])
  }
  return counts.filter(([, n]) => n > 0).map(([name, n]) => `${name}: ${n}`)
}

const withoutId = <T extends { id: Id }>(doc: T): Omit<T, 'id'> => {
  const { id: _id, ...rest } = doc
  return rest
}

export type ImportResult = { resetLinks: { email: string; url: string }[] }

/** Every image file the export names, checked before the database is opened. */
export function checkMediaFiles(content: ContentFile, folder: string): void {
  for (const m of content.media) {
    const missing = missingMediaFiles(m, folder)
    if (missing.length > 0) throw new ImportError(`media ${m.id}: ${missing.join(', ')} missing from ${folder}`)
  }
}

/**
 * Copy the export's image files into the upload folder, recording in `copied` what it wrote so a
 * failed import can take it back; a file of the same name with other bytes is refused, never overwritten.
 */
function copyMediaFiles(content: ContentFile, from: string, to: string, copied: string[]): void {
  fs.mkdirSync(to, { recursive: true })
  for (const name of content.media.flatMap(mediaFiles)) {
    const source = path.join(from, name)
    const target = path.join(to, name)
    if (fs.existsSync(target)) {
      if (fs.readFileSync(target).equals(fs.readFileSync(source))) continue
      throw new ImportError(`refusing to overwrite ${target}: the upload folder already has a different file of that name`)
    }
    fs.copyFileSync(source, target, fs.constants.COPYFILE_EXCL)
    copied.push(target)
  }
}

export async function importContent(payload: Payload, content: ContentFile, cmsUrl: string, mediaFrom: string): Promise<ImportResult> {
  const target = payload.db.defaultIDType
  if (target !== content.source.idType) {
    throw new ImportError(`the file's ids are ${content.source.idType === 'number' ? 'numbers (SQLite)' : 'ObjectIds (MongoDB)'} but this database uses ${target === 'number' ? 'numbers (SQLite)' : 'ObjectIds (MongoDB)'}; import into the same kind of database`)
  }
  const found = await existing(payload)
  if (found.length > 0) throw new ImportError(`refusing to import into a database that is not empty (it has ${found.join(', ')}); point DATABASE_URL at a new database`)

  const { createLocalReq, initTransaction, commitTransaction, killTransaction } = await withinStartup(import('payload'))
  // A restore writes every document as it was, derived fields included: nothing is re-derived.
  const req: PayloadRequest = await createLocalReq({ context: { [NESTED_WRITE]: true } }, payload)
  await initTransaction(req)
  const copied: string[] = []
  try {
    const db = payload.db
    type Collection = 'users' | 'media' | 'people' | 'topics' | 'citations' | 'claim-dismissals' | 'articles' | 'sections'
    // A copy: the database layer may rewrite the data it is given (nested groups such as image sizes).
    const create = (collection: Collection, doc: { id: Id } & Record<string, unknown>) => db.create({ collection, customID: doc.id, data: structuredClone(withoutId(doc)), req, returning: false })

    // In dependency order: each document's relationships exist before it is written.
    for (const user of content.users) await create('users', user)
    for (const image of content.media) await create('media', image)
    for (const person of content.people) await create('people', person)
    for (const topic of content.topics) await create('topics', topic)
    for (const citation of content.citations) await create('citations', citation)
    for (const dismissal of content.claimDismissals) await create('claim-dismissals', dismissal)
    // Articles and sections refer to each other; foreign keys (SQLite) need both rows to exist, so
    // articles go in without their lists first and get them once the sections exist.
    for (const article of content.articles) await create('articles', { ...article, sections: [], citations: [] })
    for (const section of content.sections) await create('sections', section)
    for (const article of content.articles) {
      // The text rows again: on SQLite, an update that writes the lists rewrites the article's rows too.
      await db.updateOne({ collection: 'articles', id: article.id, data: { sections: article.sections ?? [], citations: article.citations ?? [], text: article.text ?? [], updatedAt: article.updatedAt }, req, returning: false })
    }
    for (const [collection, versions] of [['articles', content.versions.articles], ['sections', content.versions.sections], ['citations', content.versions.citations]] as const) {
      for (const v of versions) {
        await db.createVersion({
          collectionSlug: collection,
          parent: v.parent,
          versionData: v.version,
          createdAt: v.createdAt,
          updatedAt: v.updatedAt,
          autosave: v.autosave ?? false,
          ...(v.publishedLocale ? { publishedLocale: v.publishedLocale } : {}),
          req,
          returning: false,
        })
      }
    }
    const resetLinks: ImportResult['resetLinks'] = []
    for (const user of content.users) {
      const token = await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true, expiration: RESET_LINK_VALID_MS, req })
      resetLinks.push({ email: user.email, url: `${cmsUrl}/admin/reset/${token}` })
      // Issuing the token is a write that stamps updatedAt; the restored user keeps the exported one.
      await db.updateOne({ collection: 'users', id: user.id, data: { updatedAt: user.updatedAt }, req, returning: false })
    }
    copyMediaFiles(content, mediaFrom, mediaFolder(payload), copied)
    await commitTransaction(req)
    return { resetLinks }
  } catch (err) {
    await killTransaction(req)
    for (const file of copied) fs.rmSync(file, { force: true })
    throw err
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0]!.startsWith('--')) throw new ImportError('usage: npm run import -- <file.json>')
  const file = path.resolve(argv[0]!)
  // Validate before opening the database: a bad file never touches it.
  const content = readContentFile(file)
  const mediaFrom = mediaDirFor(file)
  checkMediaFiles(content, mediaFrom)
  const payload = await openPayload()
  try {
    const { resetLinks } = await importContent(payload, content, cmsEnv().CMS_URL, mediaFrom)
    console.log(`imported ${file}\n${summary(content)}`)
    if (resetLinks.length > 0) {
      console.log(`\nPasswords are not part of an export. Each user sets a new one with their link (valid ${RESET_LINK_VALID_MS / 3_600_000} h):`)
      for (const link of resetLinks) console.log(`  ${link.email}: ${link.url}`)
    }
    return 0
  } finally {
    await payload.destroy()
  }
}

runMain(import.meta.url, main, (err): err is ImportError => err instanceof ImportError)
