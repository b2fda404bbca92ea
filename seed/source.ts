/**
 * Reading a source document from disk: bytes -> trustworthy text, or a SeedError that says why not.
 *
 * Everything after this point (parse, toLexical) is pure and works on strings; all the ways a file
 * can be unreadable are handled here, each with its own message.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { SeedError } from './errors'

/** 1 MiB. A health article is a few tens of kB; anything this big is the wrong file. */
export const MAX_SOURCE_BYTES = 1_048_576

export interface SourceDocument {
  /** The path exactly as passed in, so messages match what the caller typed. */
  file: string
  /** Decoded text: no BOM, `\n` line endings only. */
  text: string
}

export async function readSourceDocument(path: string): Promise<SourceDocument> {
  const bytes = await readAtMostLimit(path)
  // A NUL never occurs in text; checking it before decoding gives binary files (which are usually
  // invalid UTF-8 too) the more useful message.
  const nul = bytes.indexOf(0)
  if (nul !== -1) throw new SeedError(path, lineOfOffset(bytes, nul), 'binary content (NUL byte); expected UTF-8 text')
  let text: string
  try {
    // ignoreBOM defaults to false, which means the decoder consumes a leading BOM for us.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new SeedError(path, firstInvalidUtf8Line(bytes), 'invalid UTF-8; save the file as UTF-8 text')
  }
  return { file: path, text: text.replace(/\r\n?/g, '\n') }
}

async function readAtMostLimit(path: string): Promise<Buffer> {
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    throw new SeedError(path, null, describeOpenError(error))
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new SeedError(path, null, 'not a regular file')
    if (stats.size > MAX_SOURCE_BYTES) throw tooLarge(path)
    // The file can grow between stat and read, so read one byte past the limit to notice that too.
    const buffer = Buffer.alloc(MAX_SOURCE_BYTES + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > MAX_SOURCE_BYTES) throw tooLarge(path)
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}

function tooLarge(path: string): SeedError {
  return new SeedError(path, null, `file is larger than 1 MB (${MAX_SOURCE_BYTES} bytes)`)
}

function describeOpenError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : ''
  if (code === 'ENOENT') return 'file not found'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'not a regular file'
  return `cannot open file (${code || String(error)})`
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

// 0x0A never occurs inside a multi-byte UTF-8 sequence, so the file is valid exactly when every
// line is, and the first line that fails to decode on its own is the one to report.
function firstInvalidUtf8Line(bytes: Uint8Array): number | null {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let start = 0
  for (let line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start)
    const end = newline === -1 ? bytes.length : newline
    try {
      decoder.decode(bytes.subarray(start, end))
    } catch {
      return line
    }
    start = end + 1
  }
  return null
}
