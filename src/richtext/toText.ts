/**
 * Lexical JSON -> plain text, for search, excerpts and reading time. Citation markers are left
 * out (their printed label, e.g. "Zarate et al. (2006)", is ordinary text and stays), and
 * nothing is escaped: this is text, never markup.
 */
import { MAX_DEPTH, childrenOf, rootOf, typeOf, type LexicalNode, type LexicalState } from './citations'

/** Nodes that stand apart from their neighbours; everything else runs inline. */
const BLOCK_TYPES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'horizontalrule',
])

/** List items stack line by line; other blocks are separated by a blank line. */
const separatorOf = (node: LexicalNode): string => {
  const type = typeOf(node)
  return type === 'list' || type === 'listitem' ? '\n' : '\n\n'
}

/**
 * Inline children are concatenated exactly (a paragraph's text is its text nodes joined, which
 * the seed's round-trip test relies on); block children become pieces joined by the separator.
 * Empty pieces are dropped so empty paragraphs and rules leave no stray blank lines.
 */
function containerText(node: LexicalNode, depth: number): string {
  const pieces: string[] = []
  let run = ''
  for (const child of childrenOf(node)) {
    const text = nodeText(child, depth + 1)
    if (!BLOCK_TYPES.has(typeOf(child))) {
      run += text
      continue
    }
    pieces.push(run, text)
    run = ''
  }
  pieces.push(run)
  return pieces.filter((piece) => piece !== '').join(separatorOf(node))
}

function nodeText(node: LexicalNode, depth: number): string {
  if (depth > MAX_DEPTH) return ''
  switch (typeOf(node)) {
    case 'text':
      return typeof node.text === 'string' ? node.text : ''
    case 'linebreak':
      return '\n'
    case 'tab':
      return '\t'
    case 'horizontalrule':
    case 'inlineBlock':
      // Citation markers (and any other inline block) carry no reading text.
      return ''
    default:
      return containerText(node, depth)
  }
}

/** Plain text of one section body: blocks separated by "\n\n", list items by "\n". */
export function lexicalToText(state: LexicalState | null | undefined): string {
  const root = rootOf(state)
  return root ? containerText(root, 0) : ''
}
