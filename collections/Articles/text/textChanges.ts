import type { LexicalState } from '@/richtext'
import { sectionTitle } from '../../Sections/title'
import { canonical } from '../../hooks/versionCompare'

export type TextDiffRow = { id?: string | null; section?: string | null; heading?: string | null; body?: LexicalState | null }

export type TextChange = { key: string; label: string; from: TextDiffRow | null; to: TextDiffRow | null }

/** A row is the same section in both versions when it writes to the same document (else: the same row). */
const keyOf = (row: TextDiffRow, i: number): string => (row.section ? `s:${row.section}` : row.id ? `r:${row.id}` : `i:${i}`)
/** Two sections read the same: heading and body alike (key order and null versus absent do not count). */
export const sameText = (a: Pick<TextDiffRow, 'heading' | 'body'>, b: { heading?: string | null; body?: unknown }): boolean =>
  (a.heading ?? '') === (b.heading ?? '') && canonical(a.body) === canonical(b.body)

/** Indexes into `seq` of one longest increasing run: the sections that kept their relative order. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = []
  const prev: number[] = new Array<number>(seq.length).fill(-1)
  seq.forEach((value, i) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (seq[tails[mid]!]! < value) lo = mid + 1
      else hi = mid
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1
    tails[lo] = i
  })
  const kept = new Set<number>()
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) kept.add(i)
  return kept
}

/**
 * What changed between two versions' rows, section by section, in the newer version's order:
 * sections are matched by the Section document they write to, not by position, so adding one does
 * not mark every later one as changed, and only sections that left the order of the others count
 * as moved. Removed sections come last.
 */
export function textChanges(before: TextDiffRow[], after: TextDiffRow[]): TextChange[] {
  const old = new Map(before.map((row, i) => [keyOf(row, i), { row, at: i }]))
  const common = after.flatMap((row, i) => (old.has(keyOf(row, i)) ? [i] : []))
  const stayed = longestIncreasing(common.map((i) => old.get(keyOf(after[i]!, i))!.at))
  const moved = new Set(common.filter((_, n) => !stayed.has(n)))
  const changes: TextChange[] = []
  after.forEach((row, i) => {
    const key = keyOf(row, i)
    const was = old.get(key)
    old.delete(key)
    const title = sectionTitle(row.heading)
    const place = moved.has(i) && was ? ` and moved (was section ${was.at + 1})` : ''
    if (!was) changes.push({ key, label: `${title}: added`, from: null, to: row })
    else if (!sameText(was.row, row)) changes.push({ key, label: `${title}: changed${place}`, from: was.row, to: row })
    else if (place) changes.push({ key, label: `${title}: moved (was section ${was.at + 1})`, from: was.row, to: row })
  })
  for (const [key, { row }] of old) changes.push({ key, label: `${sectionTitle(row.heading)}: removed`, from: row, to: null })
  return changes
}
