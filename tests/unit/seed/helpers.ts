// Temporary source files for the seed tests; each test file gets its own directory under os.tmpdir().
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import type { ParsedDocument, ParsedParagraph } from '../../../seed/schema'

export function tempDir(): { write(name: string, content: string | Uint8Array): string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tripsitter-seed-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name)
      writeFileSync(file, content)
      return file
    },
  }
}

/** Paragraphs of a text the way a reader sees them: blank-line separated, lines joined by spaces. */
export function sourceParagraphs(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n(?:[ \t]*\r?\n)+/)
    .map((block) => block.split(/\r?\n/).map((line) => line.trim()).join(' ').trim())
    .filter((block) => block !== '')
}

/** A paragraph's text as printed: run-in label plus text inlines (references print nothing). */
export function joinParagraph(p: ParsedParagraph): string {
  return (p.label ?? '') + p.inlines.map((i) => (i.type === 'text' ? i.text : '')).join('')
}

/** The document back as paragraphs: publication, title, then each heading and its paragraphs. */
export function reassemble(parsed: ParsedDocument): string[] {
  return [
    ...(parsed.publication === null ? [] : [parsed.publication]),
    parsed.title,
    ...parsed.sections.flatMap((s) => [...(s.heading === null ? [] : [s.heading]), ...s.paragraphs.map(joinParagraph)]),
  ]
}
