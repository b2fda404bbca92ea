import type { Collection, Endpoint, FlattenedField, Payload } from 'payload'

/**
 * The parts of a REST request Payload takes on trust, checked before it sees them (used by
 * queryGuard.ts, the one validation point for API requests).
 *
 * Measured on this stack: `limit=abc` answered 200 echoing `"limit":"abc"`, `limit=-1` gave
 * `"totalPages":-2`, `page=1e20` and any non-numeric id (`/api/articles/abc`, and so
 * `/api/articles/by-slug` without a slug) reached SQLite as NaN and came back as a bare 500,
 * `sort=nope` and `depth=abc` were silently ignored, and `/api/users/versions` (a collection without
 * versions) was a 500. Each is now a 400 naming the parameter, or a 404 for an address that names
 * no document.
 */
export class ParamError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message)
  }
}

/** Documents per page. 0 is Payload's "every match" (the admin's bulk delete and restore send it). */
export const MAX_LIMIT = 1000

/** limit, page, depth, sort, select and draft of a collection request. `fields` = the collection's (or its versions') fields. */
export function checkListParams(search: URLSearchParams, fields: FlattenedField[] | undefined): void {
  const limit = intParam(search, 'limit', 0, MAX_LIMIT)
  const page = intParam(search, 'page', 1, Number.MAX_SAFE_INTEGER)
  if (page !== undefined && (page - 1) * (limit || 10) > Number.MAX_SAFE_INTEGER) throw new ParamError('page is too large for this limit')
  intParam(search, 'depth', 0, 100)
  for (const [key, value] of search) {
    if ((key === 'draft' || key.startsWith('select[')) && value !== 'true' && value !== 'false') throw new ParamError(`${key} must be true or false, got ${JSON.stringify(value)}`)
  }
  const sorts = search.getAll('sort')
  if (sorts.length > 1) throw new ParamError('sort must be given once (several fields: sort=-publishedAt,title)')
  if (sorts[0] !== undefined && fields) {
    for (const item of sorts[0].split(',')) {
      const name = item.trim().replace(/^-/, '')
      if (!name || !sortable(fields, name.split('.'))) throw new ParamError(`sort: "${item.trim()}" is not a field that can be sorted on`)
    }
  }
}

function intParam(search: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const values = search.getAll(name)
  if (values.length === 0) return undefined
  if (values.length > 1) throw new ParamError(`${name} must be given once`)
  const text = values[0]!
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ParamError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`)
  }
  return n
}

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', '_status'])

function sortable(fields: FlattenedField[], path: string[]): boolean {
  const [name, ...rest] = path
  if (rest.length === 0 && BOOKKEEPING.has(name!)) return true
  const field = fields.find((f) => 'name' in f && f.name === name)
  if (!field) return false
  if (field.type === 'group' || field.type === 'tab') return rest.length > 0 && sortable(field.flattenedFields, rest)
  if (['richText', 'json', 'array', 'blocks', 'join'].includes(field.type)) return false
  // A relationship sorts by its id, or by a field of the related document (Payload joins it).
  return rest.length === 0 || field.type === 'relationship' || field.type === 'upload'
}

/**
 * The collection a REST path addresses, and whether its id segments can name a document.
 * Payload's own endpoint table for the collection decides which segment is an id: the same
 * `/:id`-style paths it matches (`/:id`, `/versions/:id`, `/:id/duplicate`, `/access/:id?`).
 */
export function checkRoute(payload: Payload, method: string, apiPath: string): void {
  const [, slug, ...rest] = apiPath.split('/')
  const collection = slug ? (payload.collections as Record<string, Collection | undefined>)[slug] : undefined
  if (!collection || rest.length === 0 || (rest.length === 1 && rest[0] === '')) return
  if (rest[0] === 'versions' && !collection.config.versions) throw new ParamError(`${slug} has no versions`, 404)
  const endpoints = (collection.config.endpoints || []) as Endpoint[]
  const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()
  const matched = endpoints.filter((e) => e.method === m).map((e) => ({ e, params: matchPath(e.path, rest) })).find((x) => x.params)
  const id = matched?.params?.id
  if (id === undefined || collection.customIDType) return
  const numeric = payload.db.defaultIDType === 'number'
  const valid = numeric ? /^\d+$/.test(id) && Number.isSafeInteger(Number(id)) : /^[0-9a-f]{24}$/i.test(id)
  if (!valid) throw new ParamError(`No ${slug} document with id ${JSON.stringify(id)} (ids are ${numeric ? 'whole numbers' : '24 hexadecimal digits'})`, 404)
}

/** Match `/versions/:id`-style endpoint paths against path segments; params, or undefined. */
function matchPath(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  if (segments.length > parts.length) return undefined
  for (const [i, part] of parts.entries()) {
    const seg = segments[i]
    if (part.startsWith(':')) {
      const optional = part.endsWith('?')
      if (seg === undefined) return optional ? params : undefined
      params[part.slice(1).replace(/\?$/, '')] = safeDecode(seg)
    } else if (seg !== part) return undefined
  }
  return params
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
