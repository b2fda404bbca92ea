/**
 * Lexical JSON -> HTML that is safe by construction: an allow-list of nodes produces tags, every
 * string is escaped, and no node type carries raw HTML through. Nothing here needs a DOM or a
 * sanitizer afterwards, so the CMS can render on any runtime and the reader can trust `html`.
 */
import {
  MAX_DEPTH,
  childrenOf,
  citationIdOf,
  isNode,
  rootOf,
  typeOf,
  type CitationNumbering,
  type LexicalNode,
  type LexicalState,
} from './citations'

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text and attribute values alike (attributes are always double-quoted). */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch)

/** Lexical's text format bits, outermost first: the fixed order keeps output stable for tests and diffs. */
const FORMATS: ReadonlyArray<readonly [bit: number, tag: string]> = [
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
]
const INNERMOST_FIRST = [...FORMATS].reverse()

export interface SafeHref {
  href: string
  /** Leaves the site: gets rel="noopener noreferrer". */
  external: boolean
}

/**
 * Allow-list check on a link URL. Browsers drop control characters and surrounding whitespace
 * before reading a scheme ("java\tscript:"), so the same is done here before looking at it.
 * Scheme-less URLs must look relative on purpose ("/", "#", "?", "./", "../"): a bare
 * "www.example.com" or "javascript&colon;..." would be a broken link at best, so it stays text.
 */
export function safeHref(url: unknown): SafeHref | null {
  if (typeof url !== 'string') return null
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const href = url.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim()
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase()
  if (scheme !== undefined) {
    if (scheme === 'http' || scheme === 'https') return { href, external: true }
    return scheme === 'mailto' ? { href, external: false } : null
  }
  // "//host" and "/\host" are network-path references: relative in syntax, another site in effect.
  if (/^\/[/\\]/.test(href)) return { href, external: true }
  return /^(\/|#|\?|\.\.?\/)/.test(href) ? { href, external: false } : null
}

/**
 * Block wrapper that drops empty blocks: editors leave empty paragraphs behind, and an empty
 * heading is announced by screen readers (axe flags it), so neither is worth a tag.
 */
const wrap = (tag: string, inner: string, attrs = ''): string =>
  inner === '' ? '' : `<${tag}${attrs}>${inner}</${tag}>`

interface Context {
  numbering: CitationNumbering
  /** When set, a marker reads as its citation's label instead of a number (see lexicalToHtml). */
  citationLabel?: (id: string | number) => string
  /** Inside an <a>: a nested <a> would make the parser close the outer link early. */
  inLink: boolean
  depth: number
}

function renderText(node: LexicalNode, runIn: boolean): string {
  const text = typeof node.text === 'string' ? node.text : ''
  if (text === '') return ''
  const format = typeof node.format === 'number' && Number.isInteger(node.format) ? node.format : 0
  let html = escapeHtml(text)
  for (const [bit, tag] of INNERMOST_FIRST) {
    if ((format & bit) === 0) continue
    const cls = runIn && tag === 'strong' ? ' class="run-in"' : ''
    html = `<${tag}${cls}>${html}</${tag}>`
  }
  return html
}

/** A paragraph opening with a bold "Label:" reads as a run-in subheading (see docs/lexical-shape.md). */
function isRunIn(node: LexicalNode): boolean {
  return (
    typeOf(node) === 'text' &&
    typeof node.format === 'number' &&
    (node.format & 1) === 1 &&
    typeof node.text === 'string' &&
    /:\s*$/.test(node.text)
  )
}

function renderCitation(node: LexicalNode, ctx: Context): string {
  const id = citationIdOf(node)
  if (ctx.citationLabel) return id === null ? '' : `<sup class="cite">[${escapeHtml(ctx.citationLabel(id))}]</sup>`
  const marker = id === null ? undefined : ctx.numbering.mark(id)
  // A deleted citation leaves no marker: its in-text label stays readable as ordinary text.
  if (!marker) return ''
  const { number, markerId } = marker
  // Inside a link the marker keeps its id (for back-links from the reference list) but not its own <a>.
  if (ctx.inLink) return `<sup class="cite" id="${markerId}">[${number}]</sup>`
  return (
    `<sup class="cite"><a id="${markerId}" href="#ref-${number}" role="doc-noteref" ` +
    `aria-label="Reference ${number}">[${number}]</a></sup>`
  )
}

function renderLink(node: LexicalNode, ctx: Context): string {
  const fields = isNode(node.fields) ? node.fields : {}
  // Payload keeps url/newTab under `fields`; plain Lexical keeps url/target on the node itself.
  const safe = ctx.inLink ? null : safeHref(fields.url ?? node.url)
  const inner = renderChildren(node, { ...ctx, inLink: ctx.inLink || safe !== null })
  if (!safe) return inner
  const newTab = fields.newTab === true || node.target === '_blank'
  const rel = safe.external || newTab ? ' rel="noopener noreferrer"' : ''
  const target = newTab ? ' target="_blank"' : ''
  return `<a href="${escapeHtml(safe.href)}"${rel}${target}>${inner}</a>`
}

function renderList(node: LexicalNode, ctx: Context): string {
  const ordered = node.listType === 'number' || (node.listType === undefined && node.tag === 'ol')
  const tag = ordered ? 'ol' : 'ul'
  const start = ordered && Number.isInteger(node.start) && node.start !== 1 ? ` start="${String(node.start)}"` : ''
  // Lexical nests a list as its own item after the parent item; HTML wants it inside that item.
  const items: string[] = []
  for (const item of childrenOf(node)) {
    const kids = childrenOf(item)
    const nestedOnly = typeOf(item) === 'listitem' && kids.length === 1 && kids[0] && typeOf(kids[0]) === 'list'
    const html = typeOf(item) === 'listitem' ? renderChildren(item, ctx) : renderNode(item, ctx)
    if (nestedOnly && items.length > 0) items[items.length - 1] += html
    else items.push(html)
  }
  return wrap(tag, items.map((item) => `<li>${item}</li>`).join(''), start)
}

function renderHeading(node: LexicalNode, ctx: Context): string {
  // The page title is the only h1; a body h1 (or a bogus tag) becomes h2.
  const tag = typeof node.tag === 'string' && /^h[2-6]$/.test(node.tag) ? node.tag : 'h2'
  return wrap(tag, renderChildren(node, ctx))
}

function renderParagraph(node: LexicalNode, ctx: Context): string {
  const [first, ...rest] = childrenOf(node)
  if (!first) return ''
  return wrap('p', (isRunIn(first) ? renderText(first, true) : renderNode(first, ctx)) + renderNodes(rest, ctx))
}

function renderNode(node: LexicalNode, ctx: Context): string {
  if (ctx.depth > MAX_DEPTH) return ''
  const next = { ...ctx, depth: ctx.depth + 1 }
  switch (typeOf(node)) {
    case 'text':
      return renderText(node, false)
    case 'paragraph':
      return renderParagraph(node, next)
    case 'heading':
      return renderHeading(node, next)
    case 'list':
      return renderList(node, next)
    case 'listitem':
      return `<li>${renderChildren(node, next)}</li>`
    case 'quote':
      return wrap('blockquote', renderChildren(node, next))
    case 'link':
    case 'autolink':
      return renderLink(node, next)
    case 'linebreak':
      return '<br>'
    case 'horizontalrule':
      return '<hr>'
    case 'tab':
      return '\t'
    case 'inlineBlock':
      return renderCitation(node, next)
    default:
      // Unknown (or future) nodes keep their content but never their markup.
      return renderChildren(node, next)
  }
}

const renderNodes = (nodes: readonly LexicalNode[], ctx: Context): string =>
  nodes.map((child) => renderNode(child, ctx)).join('')

const renderChildren = (node: LexicalNode, ctx: Context): string => renderNodes(childrenOf(node), ctx)

/**
 * Sanitized HTML of one section body. Citation markers are allocated from `numbering`, so render
 * an article's sections in reading order through one numbering. With `citationLabel`, markers read
 * as their labels instead ("[Feder et al. (2014)]"): a comparison of two versions then flags a
 * marker only where the citation changed, not every marker after one that was added.
 */
export function lexicalToHtml(state: LexicalState | null | undefined, numbering: CitationNumbering, options: { citationLabel?: (id: string | number) => string } = {}): string {
  const root = rootOf(state)
  return root ? renderChildren(root, { numbering, inLink: false, depth: 0, citationLabel: options.citationLabel }) : ''
}
