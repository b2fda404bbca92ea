/**
 * The one error the seed raises for a bad source document.
 *
 * The message is the familiar compiler shape `file:line: reason` (or `file: reason` when the problem
 * is the whole file), so a failing seed run points an editor straight at the line to fix.
 */
export class SeedError extends Error {
  override readonly name = 'SeedError'
  /** The path as the caller passed it. */
  readonly file: string
  /** 1-based line, or null when the problem concerns the whole file. */
  readonly line: number | null
  /** The reason alone, without the `file:line:` prefix. */
  readonly reason: string

  constructor(file: string, line: number | null, reason: string) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`)
    this.file = file
    this.line = line
    this.reason = reason
  }

  // Error.prototype.toString would prefix "SeedError: ", which breaks the `file:line:` shape
  // that editors and terminals turn into a clickable location.
  override toString(): string {
    return this.message
  }
}
