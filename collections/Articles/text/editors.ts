'use client'
import type { LexicalEditor } from '@payloadcms/richtext-lexical/lexical'

/**
 * The live Lexical editors of the writing surface by row index, so one row's action can reach
 * another row's text (merging into the section above) and citation numbers can count markers
 * across the whole article as typed. Subscribers hear when an editor comes, goes or changes its markers.
 */
const byRow = new Map<number, LexicalEditor>()
const listeners = new Set<() => void>()
let version = 0

const changed = () => {
  version++
  for (const listener of listeners) listener()
}

export function registerRowEditor(row: number, editor: LexicalEditor): () => void {
  byRow.set(row, editor)
  changed()
  return () => {
    if (byRow.get(row) === editor) byRow.delete(row)
    changed()
  }
}

export const rowEditor = (row: number): LexicalEditor | undefined => byRow.get(row)

/** Every registered editor in row order. */
export const rowEditors = (): LexicalEditor[] => [...byRow.entries()].sort(([a], [b]) => a - b).map(([, editor]) => editor)

export const notifyRowEditorsChanged = changed

export function subscribeRowEditors(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const rowEditorsVersion = () => version
