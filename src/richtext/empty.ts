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
