/**
 * Citation numbering across one article, and the minimal Lexical node model the renderers share.
 *
 * Bodies come from the database and from editors, so nothing here trusts their shape: every node
 * is `unknown` until a guard says otherwise, and a malformed node is skipped rather than thrown on.
 */
import type { Id } from '../cms/schemas'

/** A Lexical node as stored: any JSON object. Fields are read through the guards below. */
export type LexicalNode = { readonly [key: string]: unknown }

/** Wide enough for the zod `LexicalState`, Payload's generated richText type and hand-written tests. */
export type LexicalState = { readonly root: unknown }

/** Deeper trees are cut off: a crafted body must not overflow the stack of the page rendering it. */
export const MAX_DEPTH = 100

/**
 * Node types whose `children` (if any) are ignored. The id collector and the renderers must agree
 * on where they descend, or a citation could get a number but no marker (empty `citedFrom`).
 */
const LEAF_TYPES: ReadonlySet<string> = new Set(['text', 'linebreak', 'tab', 'horizontalrule', 'inlineBlock'])

export const isNode = (value: unknown): value is LexicalNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const typeOf = (node: LexicalNode): string => (typeof node.type === 'string' ? node.type : '')

/** The node children a renderer may descend into; non-objects and missing arrays are dropped. */
export const childrenOf = (node: LexicalNode): LexicalNode[] =>
  LEAF_TYPES.has(typeOf(node)) || !Array.isArray(node.children) ? [] : node.children.filter(isNode)

/** The root node of a state, or null when the state is missing or malformed. */
export const rootOf = (state: LexicalState | null | undefined): LexicalNode | null =>
  isNode(state) && isNode(state.root) ? state.root : null

const isId = (value: unknown): value is Id =>
  (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))

/** The cited id of a citation inline block (`fields.citation` is an id, or a populated doc at depth > 0). */
export function citationIdOf(node: LexicalNode): Id | null {
  if (typeOf(node) !== 'inlineBlock' || !isNode(node.fields)) return null
  const { blockType, citation } = node.fields
  if (blockType !== 'citationRef') return null
  if (isId(citation)) return citation
  return isNode(citation) && isId(citation.id) ? citation.id : null
}

/** Ids are opaque numbers or strings; `1` and `"1"` name the same document. */
const keyOf = (id: Id): string => String(id)

/** Citation ids in order of first use across the bodies, in reading order, without repeats. */
export function collectCitationIds(bodies: ReadonlyArray<LexicalState | null | undefined>): Id[] {
  const seen = new Set<string>()
  const ids: Id[] = []
  const visit = (node: LexicalNode, depth: number): void => {
    if (depth > MAX_DEPTH) return
    const id = citationIdOf(node)
    if (id !== null && !seen.has(keyOf(id))) {
      seen.add(keyOf(id))
      ids.push(id)
    }
    for (const child of childrenOf(node)) visit(child, depth + 1)
  }
  for (const body of bodies) {
    const root = rootOf(body)
    if (root) visit(root, 0)
  }
  return ids
}

export interface CitationMarker {
  number: number
  /** Element id of this in-text marker: `cite-<number>-<k>`, k counting uses within the article. */
  markerId: string
}

/**
 * Numbers and marker ids for one article. Create one per article render and render its sections
 * in reading order through it: marker ids count occurrences, so rendering twice would skew them.
 */
export class CitationNumbering {
  readonly #numbers = new Map<string, number>()
  readonly #markers = new Map<string, string[]>()

  /** `orderedIds` should hold only citations that still exist; others then render no marker. */
  constructor(orderedIds: readonly Id[]) {
    for (const id of orderedIds) {
      const key = keyOf(id)
      if (!this.#numbers.has(key)) this.#numbers.set(key, this.#numbers.size + 1)
    }
  }

  /** 1-based number, or undefined for an id that was not given (e.g. a deleted citation). */
  number(id: Id): number | undefined {
    return this.#numbers.get(keyOf(id))
  }

  /** Allocates the marker for the next in-text use of `id` and records it for `citedFrom`. */
  mark(id: Id): CitationMarker | undefined {
    const number = this.number(id)
    if (number === undefined) return undefined
    const markers = this.#markers.get(keyOf(id)) ?? []
    const markerId = `cite-${number}-${markers.length + 1}`
    markers.push(markerId)
    this.#markers.set(keyOf(id), markers)
    return { number, markerId }
  }

  /** Marker ids rendered so far for `id`, in order: the API's `Citation.citedFrom`. */
  citedFrom(id: Id): string[] {
    return [...(this.#markers.get(keyOf(id)) ?? [])]
  }
}
