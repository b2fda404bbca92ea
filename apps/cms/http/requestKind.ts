import type { Request, Response } from 'express'

const GRAPHQL_READ_KEY = Symbol('tripsitter.graphqlReadKey')
type Locals = Record<typeof GRAPHQL_READ_KEY, string | undefined>

/** Set by the GraphQL guard on an anonymous POST that only reads: the key the API cache keeps it under. */
export function setGraphqlReadKey(res: Response, key: string): void {
  ;(res.locals as Locals)[GRAPHQL_READ_KEY] = key
}

export const graphqlReadKey = (res: Response): string | undefined => (res.locals as Locals)[GRAPHQL_READ_KEY]

/** A read: GET or HEAD, or a GraphQL POST of queries only (which its guard marked). */
export const isRead = (req: Request, res?: Response): boolean => req.method === 'GET' || req.method === 'HEAD' || (res !== undefined && graphqlReadKey(res) !== undefined)
