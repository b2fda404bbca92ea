/**
 * npm run seed [-- <file.txt>] [--dry-run] [--publish] [--if-empty]
 *
 * Loads a plain-text source document (default: the bundled ketamine article) into Article, Section
 * and Citation. Parses and validates everything before opening the database; writes in one
 * transaction. Exit 0 on success (also when nothing changed), 1 on bad input or a failed write.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readSourceDocument } from './source'
import { parseDocument } from './parse'
import { attachMetadata, readCitationMetadata } from './metadata'
import { SeedError } from './errors'
import type { ParsedDocument } from './schema'
import type { SeedSummary } from './write'
import { runMain } from '../scripts/lib/runMain'
import { openPayload, withinStartup } from '../scripts/lib/startup'
import { ARTICLES } from '../collections/slugs'

const here = path.dirname(fileURLToPath(import.meta.url))
export const BUNDLED_DOCUMENT = path.join(here, 'documents', 'ketamine.txt')

type Options = { file: string; dryRun: boolean; publish: boolean; ifEmpty: boolean }

export function parseArgs(argv: string[]): Options {
  const flags = new Set(argv.filter((a) => a.startsWith('--')))
  const unknown = [...flags].filter((f) => !['--dry-run', '--publish', '--if-empty'].includes(f))
  if (unknown.length) throw new SeedError('seed', null, `unknown option ${unknown.join(', ')} (use --dry-run, --publish, --if-empty)`)
  const files = argv.filter((a) => !a.startsWith('--'))
  if (files.length > 1) throw new SeedError('seed', null, 'give one document at a time')
  return { file: files[0] ?? BUNDLED_DOCUMENT, dryRun: flags.has('--dry-run'), publish: flags.has('--publish'), ifEmpty: flags.has('--if-empty') }
}

export function describe(doc: ParsedDocument): string {
  const lines = [
    `article: "${doc.title}" (slug ${doc.slug}${doc.publication ? `, ${doc.publication}` : ''})`,
    `sections: ${doc.sections.length}`,
    ...doc.sections.map((s, i) => `  ${i + 1}. ${s.heading ?? '(introduction)'} #${s.anchor} (${s.paragraphs.length} paragraphs)`),
    `citations: ${doc.citations.length}`,
    ...doc.citations.map((c) => `  - ${c.label}${c.journal ? `, ${c.journal}` : ''}${c.studyType ? `, ${c.studyType}` : ''}${c.source ? `; source: ${c.source.doi ? `doi:${c.source.doi}` : c.source.title}` : ''}`),
    `warnings: ${doc.warnings.length}`,
  ]
  return lines.join('\n')
}

export function describeResult(s: SeedSummary): string {
  if (!s.changed) return `unchanged: "${s.slug}" already matches the document (no writes)`
  const verb = s.created ? 'created' : 'updated'
  const sec = s.sections
  return [
    `${verb}: article "${s.slug}" (id ${s.articleId}), ${s.published ? 'published' : 'draft'}`,
    `sections: ${sec.created} created, ${sec.updated} updated, ${sec.deleted} deleted, ${sec.unchanged} unchanged`,
    `citations: ${s.citations.created} created, ${s.citations.reused} reused`,
  ].join('\n')
}

async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv)
  const source = await readSourceDocument(opts.file)
  const attached = attachMetadata(parseDocument(source.text, source.file), await readCitationMetadata(opts.file))
  const doc = { ...attached.doc, warnings: [...attached.doc.warnings, ...attached.warnings] }
  for (const w of doc.warnings) console.warn(`warning: ${source.file}:${w.line}: ${w.message}`)
  console.log(describe(doc))
  if (opts.dryRun) {
    console.log('dry run: nothing written')
    return 0
  }
  // Imported only now: a dry run or a bad document never opens the database.
  const [{ writeDocument }, payload] = await Promise.all([withinStartup(import('./write')), openPayload()])
  try {
    if (opts.ifEmpty) {
      const { totalDocs } = await payload.count({ collection: ARTICLES, overrideAccess: true })
      if (totalDocs > 0) {
        console.log(`skipped: the database already has ${totalDocs} article(s)`)
        return 0
      }
    }
    const started = Date.now()
    const summary = await writeDocument(payload, doc, { publish: opts.publish, progress: (m) => console.log(`  ... ${m}`) })
    console.log(describeResult(summary))
    console.log(`done in ${Date.now() - started} ms`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runMain(import.meta.url, main, (err): err is SeedError => err instanceof SeedError)
