/**
 * The export file: everything an editor wrote, in one JSON document, validated on the way out and
 * on the way in with the same schema.
 *
 * Why strict objects: an import must never drop data silently. A field this schema does not know
 * (a collection grew a field, or a file from a newer version) is refused with its path, instead of
 * being skipped; the export validates too, so a new field fails `npm run export` first, where it
 * is cheap to notice. Users are an allow-list for the same reason in the other direction: a
 * password hash, salt, API key, session or reset token is never written, and a file that carries
 * one is refused.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const FORMAT = 'tripsitter-content-export'
/** 2 added people, topics, images and claim dismissals; a version 1 file still imports (it has none). */
export const FORMAT_VERSION = 2

/** SQLite ids are positive integers, MongoDB ids 24 hex digits. */
const Id = z.union([z.number().int().positive(), z.string().regex(/^[0-9a-f]{24}$/i, 'a MongoDB ObjectId')])
export type Id = z.infer<typeof Id>
const Timestamp = z.iso.datetime({ offset: true })
const Status = z.enum(['draft', 'published'])

/**
 * Lexical editor state: the root is checked, the node tree passes through untouched. A record (not
 * an object schema) on purpose: zod rebuilds objects with the schema's keys first, which would
 * reorder the stored JSON; a record keeps every key where it was, so a restore is byte-identical.
 */
const RichText = z.record(z.string(), z.unknown()).refine((state) => {
  const root = state.root
  return typeof root === 'object' && root !== null && (root as { type?: unknown }).type === 'root' && Array.isArray((root as { children?: unknown }).children)
}, 'must be a Lexical editor state: { root: { type: "root", children: [...] } }')

export const User = z.strictObject({
  id: Id,
  email: z.email(),
  name: z.string().nullish(),
  role: z.enum(['admin', 'editor', 'author', 'integration']),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

/** People and topics: a name, and the slug of their public page. */
const named = { id: Id, name: z.string(), slug: z.string() }
const stamps = { createdAt: Timestamp, updatedAt: Timestamp }

export const Person = z.strictObject({ ...named, credentials: z.string().nullish(), bio: z.string().nullish(), photo: Id.nullish(), user: Id.nullish(), ...stamps })

export const Topic = z.strictObject({ ...named, description: z.string().nullish(), ...stamps })

/** A file name inside the media folder: no directory part, so an import never writes outside it. */
const MediaFilename = z.string().regex(/^[^/\\\0]+$/, 'a file name without a directory').refine((n) => n !== '.' && n !== '..', 'a file name without a directory')

/** One generated rendition. URLs are not kept: the CMS derives them from its own address on every read. */
const ImageSize = z.strictObject({
  width: z.number().nullish(),
  height: z.number().nullish(),
  mimeType: z.string().nullish(),
  filesize: z.number().nullish(),
  filename: MediaFilename.nullish(),
})

/** An uploaded image: its record here, its files beside the export (see mediaDirFor). */
export const Media = z.strictObject({
  id: Id,
  alt: z.string(),
  credit: z.string().nullish(),
  filename: MediaFilename,
  mimeType: z.string().nullish(),
  filesize: z.number().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  focalX: z.number().nullish(),
  focalY: z.number().nullish(),
  sizes: z.record(z.string(), ImageSize).nullish(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type Media = z.infer<typeof Media>

/** Every file an image record names, once: the upload and each rendition (a small upload may be its own rendition). */
export const mediaFiles = (m: Media): string[] => [...new Set([m.filename, ...Object.values(m.sizes ?? {}).flatMap((s) => (s.filename ? [s.filename] : []))])]

/** The files of an image record that `folder` lacks: checked on export (the CMS's uploads) and import (beside the file). */
export const missingMediaFiles = (m: Media, folder: string): string[] => mediaFiles(m).filter((name) => !fs.existsSync(path.join(folder, name)))

/** Where an export's image files sit: `backup.json` -> `backup.media/`. */
export const mediaDirFor = (file: string): string => `${file.replace(/\.json$/i, '')}.media`

export const ClaimDismissal = z.strictObject({
  id: Id,
  citation: Id,
  claim: z.string(),
  reason: z.string(),
  dismissedBy: Id.nullish(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

const citationFields = {
  label: z.string(),
  authors: z.string().nullish(),
  firstAuthor: z.string(),
  year: z.number().int(),
  authorList: z.array(z.strictObject({ id: z.string().nullish(), family: z.string(), given: z.string().nullish(), suffix: z.string().nullish() })).nullish(),
  title: z.string().nullish(),
  journal: z.string().nullish(),
  journalAbbreviation: z.string().nullish(),
  volume: z.string().nullish(),
  issue: z.string().nullish(),
  pages: z.string().nullish(),
  publicationType: z.string().nullish(),
  studyType: z.string().nullish(),
  doi: z.string().nullish(),
  pmid: z.string().nullish(),
  url: z.string().nullish(),
  sourceStatus: z.enum(['verified', 'needs-source']).nullish(),
  key: z.string().nullish(),
  isPublic: z.boolean().nullish(),
  // Files written before citations had drafts hold only live citations.
  _status: Status.default('published'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}
export const Citation = z.strictObject({ id: Id, ...citationFields })

/** A row of an article's text: its working copy of one section (collections/Articles/text). */
const TextRow = z.strictObject({
  id: z.string(),
  section: z.string().nullish(),
  basedOn: z.string().nullish(),
  heading: z.string().nullish(),
  body: RichText.nullish(),
})

const articleFields = {
  title: z.string(),
  slug: z.string().nullish(),
  summary: z.string().nullish(),
  publication: z.string().nullish(),
  // Files written before articles held their text have none; the rows follow the sections on the next save.
  text: z.array(TextRow).nullish(),
  sections: z.array(Id).nullish(),
  citations: z.array(Id).nullish(),
  writers: z.array(Id).nullish(),
  authors: z.array(Id).nullish(),
  medicalReviewer: Id.nullish(),
  topics: z.array(Id).nullish(),
  heroImage: Id.nullish(),
  publishedAt: Timestamp.nullish(),
  lastReviewedAt: Timestamp.nullish(),
  readingTimeMinutes: z.number().nullish(),
  reviewRequestedAt: Timestamp.nullish(),
  reviewRequestedBy: Id.nullish(),
  _status: Status.nullish(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}
export const Article = z.strictObject({ id: Id, ...articleFields })

const sectionFields = {
  heading: z.string().nullish(),
  title: z.string().nullish(),
  anchor: z.string().nullish(),
  body: RichText,
  // Optional: a section created from the article's drawer gets its article when it is listed.
  article: Id.nullish(),
  createdBy: Id.nullish(),
  _status: Status.nullish(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
}
export const Section = z.strictObject({ id: Id, ...sectionFields })

/**
 * One saved version. `version` is the document as it was then (without its id); version ids are
 * not part of the contract: an import assigns new ones, in the same order.
 */
const versionOf = <T extends z.ZodRawShape>(fields: T) =>
  z.strictObject({
    id: Id,
    parent: Id,
    version: z.strictObject(fields),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    latest: z.boolean().nullish(),
    autosave: z.boolean().nullish(),
    snapshot: z.boolean().nullish(),
    publishedLocale: z.string().nullish(),
  })
export const ArticleVersion = versionOf(articleFields)
export const SectionVersion = versionOf(sectionFields)
export const CitationVersion = versionOf(citationFields)

const ContentShape = z.strictObject({
  format: z.literal(FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(FORMAT_VERSION)]),
  exportedAt: Timestamp,
  source: z.strictObject({ database: z.enum(['sqlite', 'mongodb']), idType: z.enum(['number', 'text']) }),
  users: z.array(User),
  media: z.array(Media).default([]),
  people: z.array(Person).default([]),
  topics: z.array(Topic).default([]),
  citations: z.array(Citation),
  claimDismissals: z.array(ClaimDismissal).default([]),
  articles: z.array(Article),
  sections: z.array(Section),
  // Citations have had drafts, and so versions, since files of this format were first written.
  versions: z.strictObject({ articles: z.array(ArticleVersion), sections: z.array(SectionVersion), citations: z.array(CitationVersion).default([]) }),
})

/** The file, with every cross-reference checked: an import writes relationships only to documents it also writes. */
export const ContentFile = ContentShape.superRefine((file, ctx) => {
  const ids = (docs: { id: Id }[], name: string) => {
    const set = new Set<string>()
    docs.forEach((d, i) => {
      if (set.has(String(d.id))) ctx.addIssue({ code: 'custom', path: [name, i, 'id'], message: `duplicate id ${d.id}` })
      set.add(String(d.id))
    })
    return set
  }
  const users = ids(file.users, 'users')
  const media = ids(file.media, 'media')
  const people = ids(file.people, 'people')
  const topics = ids(file.topics, 'topics')
  const citations = ids(file.citations, 'citations')
  ids(file.claimDismissals, 'claimDismissals')
  const named = new Map<string, number>()
  file.media.forEach((m, i) =>
    mediaFiles(m).forEach((name) => {
      if (named.has(name) && named.get(name) !== i) ctx.addIssue({ code: 'custom', path: ['media', i, 'filename'], message: `file ${name} is also named by media ${named.get(name)}` })
      named.set(name, i)
    }),
  )
  const articles = ids(file.articles, 'articles')
  const sections = ids(file.sections, 'sections')
  const numeric = file.source.idType === 'number'
  const all = [...file.users, ...file.media, ...file.people, ...file.topics, ...file.citations, ...file.claimDismissals, ...file.articles, ...file.sections, ...file.versions.articles, ...file.versions.sections, ...file.versions.citations]
  if (all.some((d) => (typeof d.id === 'number') !== numeric)) ctx.addIssue({ code: 'custom', path: ['source', 'idType'], message: `ids do not all match idType "${file.source.idType}"` })

  // SQLite enforces relationships with foreign keys, so an export from it never names a missing
  // document: one that does was edited by hand, and importing it would fail half-way. MongoDB has no
  // foreign keys (a deleted user stays listed in `writers`), so its exports are taken as they are.
  if (file.source.database !== 'sqlite') return
  const refs = (list: Id[] | null | undefined, known: Set<string>, path: (string | number)[], what: string) =>
    (list ?? []).forEach((id, i) => {
      if (!known.has(String(id))) ctx.addIssue({ code: 'custom', path: [...path, i], message: `${what} ${id} is not in the file` })
    })
  const ref = (id: Id | null | undefined, known: Set<string>, path: (string | number)[], what: string) => refs(id == null ? [] : [id], known, path, what)
  file.people.forEach((p, i) => {
    ref(p.photo, media, ['people', i, 'photo'], 'media')
    ref(p.user, users, ['people', i, 'user'], 'user')
  })
  file.claimDismissals.forEach((d, i) => {
    ref(d.citation, citations, ['claimDismissals', i, 'citation'], 'citation')
    ref(d.dismissedBy, users, ['claimDismissals', i, 'dismissedBy'], 'user')
  })
  file.articles.forEach((a, i) => {
    refs(a.sections, sections, ['articles', i, 'sections'], 'section')
    refs(a.citations, citations, ['articles', i, 'citations'], 'citation')
    refs(a.writers, users, ['articles', i, 'writers'], 'user')
    refs(a.authors, people, ['articles', i, 'authors'], 'person')
    ref(a.medicalReviewer, people, ['articles', i, 'medicalReviewer'], 'person')
    refs(a.topics, topics, ['articles', i, 'topics'], 'topic')
    ref(a.heroImage, media, ['articles', i, 'heroImage'], 'media')
  })
  file.sections.forEach((s, i) => {
    ref(s.article, articles, ['sections', i, 'article'], 'article')
    ref(s.createdBy, users, ['sections', i, 'createdBy'], 'user')
  })
  file.versions.articles.forEach((v, i) => ref(v.parent, articles, ['versions', 'articles', i, 'parent'], 'article'))
  file.versions.sections.forEach((v, i) => ref(v.parent, sections, ['versions', 'sections', i, 'parent'], 'section'))
  file.versions.citations.forEach((v, i) => ref(v.parent, citations, ['versions', 'citations', i, 'parent'], 'citation'))
})

export type ContentFile = z.infer<typeof ContentFile>

/** Zod issues as `path: message` lines, the first `max` of them. */
export function describeIssues(error: z.ZodError, max = 10): string {
  const lines = error.issues.slice(0, max).map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`)
  if (error.issues.length > max) lines.push(`  ... and ${error.issues.length - max} more`)
  return lines.join('\n')
}
