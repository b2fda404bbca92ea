/**
 * The body of a section nobody has written in yet: one empty paragraph, as Lexical itself starts.
 * A section's body is never null: the admin's editor treats a change from "no value" to the
 * server's null as a replacement and re-mounts (dropping keystrokes typed meanwhile), and readers'
 * schemas expect an editor state. A fresh object each call, so no caller can share and mutate it.
 */
export function emptyLexicalState() {
  return {
    root: {
      type: 'root' as const,
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] }],
    },
  }
}

/** Whether a body holds nothing: no blocks, or one paragraph with nothing in it. */
export function isEmptyLexicalState(state: unknown): boolean {
  const children = (state as { root?: { children?: unknown } } | null | undefined)?.root?.children
  if (!Array.isArray(children)) return false
  if (children.length === 0) return true
  const only = children[0] as { type?: unknown; children?: unknown } | null
  return children.length === 1 && only?.type === 'paragraph' && Array.isArray(only.children) && only.children.length === 0
}
