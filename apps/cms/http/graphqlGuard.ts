import type { RequestHandler } from 'express'
import { Kind, parse, print, visit, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql'
import { bufferedBody } from './requestBody'
import { MAX_CONDITIONS } from './queryGuard'
import { carriesCredentials } from '@/http/policy'
import { stableStringify } from '@/text/stableStringify'
import { setGraphqlReadKey } from './requestKind'
import { bareContentType, rememberGraphqlRead } from '../lib/graphqlReadKeys'

export const GRAPHQL_PATH = '/api/graphql'

/**
 * Limits for GraphQL requests, checked before Payload runs them: nesting depth, AND/OR list
 * length (the same bound as REST `where`, see queryGuard.ts), mutations only from the CMS's own
 * origin, and the Access query only for a signed-in caller.
 *
 * Nesting:
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

export function graphqlGuard({ cmsOrigin, maxDepth = MAX_GRAPHQL_DEPTH }: { cmsOrigin: string; maxDepth?: number }): RequestHandler {
  return async (req, res, next) => {
    const refuse = (status: number, message: string) => void res.status(status).set('cache-control', 'no-store').json({ errors: [{ message }] })
    try {
      const origin = req.headers.origin
      const crossOrigin = !!origin && origin !== cmsOrigin
      const operations = await operationsOf(req, res)
      // An anonymous POST may be a cacheable read (see below): keep its parsed documents for the key.
      const keyed = req.method === 'POST' && !carriesCredentials(req.headers)
      const readOnly: DocumentNode[] = []
      for (const { query, variables } of operations) {
        const depth = queryDepth(query)
        if (depth > maxDepth) {
          return refuse(400, Number.isFinite(depth) ? `GraphQL query is nested ${depth} levels deep; the limit is ${maxDepth}` : 'GraphQL query is too large to accept')
        }
        const doc = parseOrUndefined(query)
        if (!doc) continue // Payload answers syntax errors itself
        if (keyed && doc.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query')) readOnly.push(doc)
        const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        // Browsers may read through GraphQL from listed origins (cors.ts); writing stays with the admin's own origin.
        if (crossOrigin && ops.some((op) => op.operation !== 'query')) return refuse(403, 'Cross-origin GraphQL mutations are not allowed')
        // Payload's Access resolver returns null for a signed-out caller, which GraphQL turns into a 500.
        if (!carriesCredentials(req.headers) && ops.some((op) => op.selectionSet.selections.some((sel) => sel.kind === Kind.FIELD && sel.name.value === 'Access'))) {
          return refuse(401, 'Access describes the permissions of a signed-in user; send credentials')
        }
        const conditions = conditionCount(doc, variables)
        if (conditions > MAX_CONDITIONS) return refuse(400, `GraphQL where has ${conditions} conditions in AND/OR lists; the limit is ${MAX_CONDITIONS}`)
      }
      // An anonymous POST whose every operation only reads is a read like a GET with ?query=: the API
      // cache may answer it, keyed by the documents as graphql-js prints them (so whitespace and
      // comments do not matter), the variables with sorted keys, and the operation names.
      if (keyed && readOnly.length > 0 && readOnly.length === operations.length) {
        const parts = operations.map((op, i) => ({ query: print(readOnly[i]!), variables: op.variables ?? null, operationName: op.operationName ?? null }))
        const key = `${req.baseUrl}${req.path}#${stableStringify(parts)}`
        setGraphqlReadKey(res, key)
        // The fast path sees the URL as sent: only the bare endpoint is looked up there.
        if (req.originalUrl === GRAPHQL_PATH) rememberGraphqlRead(bareContentType(req.get('content-type')), (await bufferedBody(req, res)).toString('utf8'), key)
      }
      next()
    } catch (err) {
      next(err)
    }
  }
}

type Operation = { query: string; variables: unknown; operationName?: unknown }

/** The operations of a GraphQL request (GET ?query=, POST JSON, possibly batched, or application/graphql). */
async function operationsOf(req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]): Promise<Operation[]> {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '')
    const query = params.get('query')
    let variables: unknown
    try {
      variables = JSON.parse(params.get('variables') ?? 'null')
    } catch {
      variables = null
    }
    return query ? [{ query, variables }] : []
  }
  if (req.method !== 'POST') return []
  const body = (await bufferedBody(req, res)).toString('utf8')
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim()
  if (type === 'application/graphql') return [{ query: body, variables: null }]
  try {
    const data: unknown = JSON.parse(body)
    const items = Array.isArray(data) ? data : [data]
    return items.flatMap((item: unknown) =>
      typeof item === 'object' && item !== null && 'query' in item && typeof item.query === 'string'
        ? [{ query: item.query, variables: 'variables' in item ? item.variables : null, operationName: 'operationName' in item ? item.operationName : null }]
        : [],
    )
  } catch {
    return [] // not JSON: Payload answers with its own error
  }
}

function parseOrUndefined(query: string): DocumentNode | undefined {
  try {
    return parse(query, { maxTokens: MAX_TOKENS, noLocation: true })
  } catch {
    return undefined
  }
}

/** Items of AND/OR lists anywhere in the document's arguments and in the variables. */
export function conditionCount(doc: DocumentNode, variables: unknown): number {
  let n = 0
  visit(doc, {
    ObjectField(node) {
      if ((node.name.value === 'AND' || node.name.value === 'OR') && node.value.kind === Kind.LIST) n += node.value.values.length
    },
  })
  const stack: unknown[] = [variables]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null) continue
    for (const [key, child] of Object.entries(v)) {
      if ((key === 'AND' || key === 'OR') && Array.isArray(child)) n += child.length
      stack.push(child)
    }
  }
  return n
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
    return err instanceof RangeError || (err instanceof Error && /more th(?:an|at|en) \d+ tokens/i.test(err.message)) ? Infinity : 0
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
