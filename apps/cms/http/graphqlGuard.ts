import type { RequestHandler } from 'express'
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'
import { bufferedBody } from './requestBody'

/**
 * A nesting limit for GraphQL queries, checked before Payload runs them.
 *
 * Why: REST populates at most `maxDepth` (2) levels, but Payload's GraphQL resolves relationships
 * as deep as the query asks, and `maxComplexity` counts fields, not the rows each level fans out
 * to. Measured here with one seeded article (six sections), as an anonymous reader:
 * `Articles { docs { sections { article { ... } } } }` nested 4 deep answered 58 kB in 75 ms,
 * 6 deep 1.4 MB in 0.8 s, 8 deep 36 MB in 24 s, and 10 deep ran the CMS out of memory (the
 * process died). 10 selection levels allow every query the site and the admin need (three
 * relationship hops) and refuse the exponential ones with a 400.
 */
export const MAX_GRAPHQL_DEPTH = 10
/** Bounds the parser's own work on a hostile document (graphql-js counts tokens as it lexes). */
const MAX_TOKENS = 20_000

export function graphqlGuard(maxDepth = MAX_GRAPHQL_DEPTH): RequestHandler {
  return async (req, res, next) => {
    try {
      const queries = await queriesOf(req, res)
      for (const query of queries) {
        const depth = queryDepth(query)
        if (depth > maxDepth) {
          const message = Number.isFinite(depth) ? `GraphQL query is nested ${depth} levels deep; the limit is ${maxDepth}` : 'GraphQL query is too large to accept'
          res.status(400).set('cache-control', 'no-store').json({ errors: [{ message }] })
          return
        }
      }
      next()
    } catch (err) {
      next(err)
    }
  }
}

/** The query documents of a GraphQL request (GET ?query=, POST JSON, possibly batched, or application/graphql). */
async function queriesOf(req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]): Promise<string[]> {
  if (req.method === 'GET') {
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '').get('query')
    return query ? [query] : []
  }
  if (req.method !== 'POST') return []
  const body = (await bufferedBody(req, res)).toString('utf8')
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim()
  if (type === 'application/graphql') return [body]
  try {
    const data: unknown = JSON.parse(body)
    const items = Array.isArray(data) ? data : [data]
    return items.flatMap((item: unknown) => (typeof item === 'object' && item !== null && 'query' in item && typeof item.query === 'string' ? [item.query] : []))
  } catch {
    return [] // not JSON: Payload answers with its own error
  }
}

/**
 * The deepest chain of nested selections, with fragments expanded. A syntax error counts as 0
 * (Payload answers it with its own message); a document too big or too deep to parse counts as
 * Infinity, since Payload's own parse of it would be the expensive part.
 */
export function queryDepth(query: string): number {
  let doc: DocumentNode
  try {
    doc = parse(query, { maxTokens: MAX_TOKENS, noLocation: true })
  } catch (err) {
    return err instanceof RangeError || (err instanceof Error && /more th[ae]n \d+ tokens/i.test(err.message)) ? Infinity : 0
  }
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def)

  // Each fragment's depth is computed once: a chain of fragments that each spread the next twice
  // would otherwise cost 2^n walks.
  const memo = new Map<string, number>()
  const fragmentDepth = (name: string): number => {
    const known = memo.get(name)
    if (known !== undefined) return known
    memo.set(name, 0) // a fragment that spreads itself is invalid GraphQL (Payload rejects it): count it once
    const depth = depthOf(fragments.get(name)?.selectionSet)
    memo.set(name, depth)
    return depth
  }
  const depthOf = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0
    let deepest = 0
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + depthOf(sel.selectionSet))
      else if (sel.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(sel.selectionSet))
      else deepest = Math.max(deepest, fragmentDepth(sel.name.value))
    }
    return deepest
  }
  let max = 0
  for (const def of doc.definitions) if (def.kind === Kind.OPERATION_DEFINITION) max = Math.max(max, depthOf(def.selectionSet))
  return max
}
