import { Buffer } from 'node:buffer'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SeedError } from '../../../seed/errors'
import { parseDocument } from '../../../seed/parse'
import { MAX_SOURCE_BYTES, readSourceDocument } from '../../../seed/source'
import { tempDir } from './helpers'

const temp = tempDir()

async function readError(file: string): Promise<SeedError> {
  const error: unknown = await readSourceDocument(file).then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof SeedError)) throw new Error(`expected a SeedError, got ${String(error)}`)
  return error
}

describe('readSourceDocument', () => {
  it('reads the bundled document as given, keeping the path as passed', async () => {
    const { file, text } = await readSourceDocument('seed/documents/ketamine.txt')
    expect(file).toBe('seed/documents/ketamine.txt')
    expect(text.startsWith('\nTripsitter Psychedelics\n')).toBe(true)
    expect(text.endsWith('編 集')).toBe(true)
  })

  it('strips a UTF-8 BOM and turns CRLF (and lone CR) into LF', async () => {
    const file = temp.write('crlf.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Title\r\n\r\nBody one.\rBody two.\r\n')]))
    expect((await readSourceDocument(file)).text).toBe('Title\n\nBody one.\nBody two.\n')
  })

  it('reports a missing file', async () => {
    const file = path.join(temp.dir, 'nope.txt')
    const error = await readError(file)
    expect(error.message).toBe(`${file}: file not found`)
    expect(error.toString()).toBe(`${file}: file not found`)
    expect({ file: error.file, line: error.line, reason: error.reason }).toEqual({ file, line: null, reason: 'file not found' })
  })

  it('reports a directory', async () => {
    expect((await readError(temp.dir)).message).toBe(`${temp.dir}: not a regular file`)
  })

  it('accepts exactly 1 MiB and refuses one byte more, before decoding', async () => {
    const atLimit = temp.write('limit.txt', Buffer.alloc(MAX_SOURCE_BYTES, 'a'))
    expect((await readSourceDocument(atLimit)).text).toHaveLength(MAX_SOURCE_BYTES)
    // Over the limit and binary: the size check must win, proving the bytes were never decoded.
    const over = temp.write('over.txt', Buffer.alloc(MAX_SOURCE_BYTES + 1, 0))
    expect((await readError(over)).message).toBe(`${over}: file is larger than 1 MB (1048576 bytes)`)
  })

  it('reports NUL bytes as binary content, with the line', async () => {
    const file = temp.write('binary.txt', Buffer.from('Title\n\nSome text\0 here.\n'))
    expect((await readError(file)).message).toBe(`${file}:3: binary content (NUL byte); expected UTF-8 text`)
  })

  it('reports invalid UTF-8 with the first bad line', async () => {
    const latin1 = Buffer.concat([Buffer.from('Title\n\nFine line.\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')])
    const file = temp.write('latin1.txt', latin1)
    expect((await readError(file)).message).toBe(`${file}:4: invalid UTF-8; save the file as UTF-8 text`)
    const truncated = temp.write('truncated.txt', Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0xe2, 0x82]))
    expect((await readError(truncated)).message).toBe(`${truncated}:1: invalid UTF-8; save the file as UTF-8 text`)
  })
})

describe('document errors, read from disk', () => {
  async function load(name: string, content: string): Promise<{ file: string; error: SeedError }> {
    const file = temp.write(name, content)
    const source = await readSourceDocument(file)
    try {
      parseDocument(source.text, source.file)
    } catch (error) {
      if (error instanceof SeedError) return { file, error }
      throw error
    }
    throw new Error('expected parseDocument to throw')
  }

  it.each([
    ['empty.txt', '', ': file is empty'],
    ['blank.txt', '  \n\n\t\n', ': file is empty'],
    ['fragments.txt', '\n---\n\n編集\n\n42\n', ': file has no text, only fragments'],
    ['no-title.txt', '\n\nThis opens with a sentence.\n\nMore.\n', ':3: no title: the first paragraph must be a title line (one short line without closing punctuation)'],
    ['wrapped-title.txt', 'A title\nthat wraps\n\nBody text here.\n', ':1: no title: the first paragraph must be a title line (one short line without closing punctuation)'],
    ['title-only.txt', 'Just a Title\n', ':1: no content after the title "Just a Title"'],
    ['publication-and-title.txt', 'Tripsitter Psychedelics\n\nJust a Title\n', ':3: no content after the title "Just a Title"'],
    ['heading-then-heading.txt', 'Title\n\nIntro text.\n\nFindings\n\nBackground\n\nBody of it.\n', ':5: heading "Findings" has no body'],
    ['heading-at-end.txt', 'Title\n\nIntro text.\n\nFirst\n\nBody.\n\nLast Words\n', ':9: heading "Last Words" has no body'],
    ['heading-then-fragment.txt', 'Title\n\nIntro text.\n\nFindings\n\n***\n', ':5: heading "Findings" has no body'],
    ['crlf-no-body.txt', '\uFEFFTitle\r\n\r\nIntro text.\r\n\r\nFindings\r\n', ':5: heading "Findings" has no body'],
  ])('%s', async (name, content, expected) => {
    const { file, error } = await load(name, content)
    expect(error.message).toBe(`${file}${expected}`)
    expect(String(error)).toBe(`${file}${expected}`)
  })
})
