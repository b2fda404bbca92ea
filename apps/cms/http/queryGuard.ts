import type { Request, RequestHandler, Response } from 'express'
import type { Collection, FlattenedField, Payload } from 'payload'
import { validOperatorSet } from 'payload/shared'
import { currentPayload } from '../lib/payloadHandle'
import { bufferedBody } from './requestBody'
import { checkListParams, checkRoute, ParamError } from './queryGuardParams'

/**
 * Malformed `where` queries get a 400 that names the problem, before Payload sees them.
 *
 * Why here: Payload rejects unknown fields and operators itself (400), but hands values it cannot
 * use straight to the database driver, and the driver's failure comes back as a bare 500 "An
 * unknown error occurred." Measured on this stack (SQLite): an object as a value
 * (`where[title][equals][x]=1`), a repeated scalar operator, `where=foo`, a non-numeric id or
 * relationship value (`where[authors][in]=x`), a non-date for a date (`where[publishedAt][equals]=abc`),
 * and geo operators on non-point fields (`near`, `within`). Each is checked here against the
 * collection's own field types, read from the running Payload instance, so there is no second
 * schema to keep in step. Anything this guard cannot resolve (an unknown path) is left to Payload.
 */

/** Payload parses queries with qs at depth 10; anything nested deeper is junk by construction. */
const MAX_NESTING = 10
/**
 * SQLite builds one expression per condition and refuses trees deeper than 1000 ("Expression tree
 * is too large"): 3,000 ORs were a 500. No reader or admin query comes near this.
 */
export const MAX_CONDITIONS = 200
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
/**
 * Operators whose value is compared as text on ordinary fields (SQL LIKE accepts any string).
 * Not on ids: Payload turns `like` on a relationship into an id comparison.
 */
const TEXT_OPERATORS = new Set(['like', 'not_like'])

/** `id` = a SQLite row id (a number); `objectId` = a MongoDB id (24 hex digits). */
type Kind = 'id' | 'objectId' | 'number' | 'date' | 'point' | 'any'
export class QueryError extends Error {}

export function queryGuard(): RequestHandler {
  return async (req, res, next) => {
    try {
      const payload = currentPayload()
      const source = fieldsFor(req)
      if (payload) checkRoute(payload, req.method, (req.baseUrl + req.path).replace(/^\/api/, ''))
      if (source) checkListParams(new URLSearchParams(searchOf(req.originalUrl)), source.versions ? undefined : source.fields)
      const where = await readWhere(req, res)
      if (where !== undefined) checkWhere(where, source, 'where', { conditions: 0 })
      next()
    } catch (err) {
      if (err instanceof ParamError) return void res.status(err.status).set('cache-control', 'no-store').json({ errors: [{ message: err.message }] })
      if (!(err instanceof QueryError)) return next(err)
      res.status(400).set('cache-control', 'no-store').json({ errors: [{ message: `Invalid query: ${err.message}` }] })
    }
  }
}

const searchOf = (url: string) => (url.includes('?') ? url.slice(url.indexOf('?') + 1) : '')

/** The `where` of a request: from the URL, or from the body of a POST with a GET method override. */
async function readWhere(req: Request, res: Response): Promise<unknown> {
  const override = req.method === 'POST' && (req.get('x-payload-http-method-override') === 'GET' || req.get('x-http-method-override') === 'GET')
  let where = whereFromSearch(searchOf(req.originalUrl))
  if (!override) return where
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim()
  const body = (await bufferedBody(req, res)).toString('utf8')
  if (type === 'application/x-www-form-urlencoded') where = whereFromSearch(body) ?? where
  else if (type === 'application/json') {
    try {
      const data: unknown = JSON.parse(body)
      if (isObject(data) && 'where' in data) where = data.where
    } catch {
      throw new QueryError('the request body is not valid JSON')
    }
  }
  return where
}

/** `where[...]` parameters as the nested object qs would build (lists stay index-keyed objects). */
export function whereFromSearch(search: string): unknown {
  let root: Record<string, unknown> | undefined
  for (const [key, value] of new URLSearchParams(search)) {
    if (key === 'where') throw new QueryError('`where` must be a set of conditions such as where[title][equals]=…')
    if (!key.startsWith('where[')) continue
    const match = /^where((?:\[[^[\]]*\])+)$/.exec(key)
    if (!match) throw new QueryError(`malformed parameter name "${key}"`)
    const segments = [...match[1]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)
    if (segments.length > MAX_NESTING) throw new QueryError(`conditions are nested more than ${MAX_NESTING} levels deep`)
    // Null-prototype nodes: a segment named __proto__ or constructor is then just a (bad) field name.
    root ??= Object.create(null) as Record<string, unknown>
    let node: Record<string, unknown> = root
    for (const [i, raw] of segments.entries()) {
      // `[]` appends, as in qs: give it the next free index.
      const segment = raw === '' ? String(Object.keys(node).length) : raw
      if (i === segments.length - 1) {
        const existing = node[segment]
        if (isObject(existing)) throw new QueryError(`${key} is given both as a value and as nested conditions`)
        node[segment] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
      } else {
        const child = node[segment]
        if (child !== undefined && !isObject(child)) throw new QueryError(`${key} is given both as a value and as nested conditions`)
        node = (node[segment] ??= Object.create(null)) as Record<string, unknown>
      }
    }
  }
  return root
}

type FieldSource = { payload: Payload; fields: FlattenedField[]; versions: boolean } | undefined

/** The fields of the collection this URL queries (`/api/<slug>`, `/count`, `/versions`). */
function fieldsFor(req: Request): FieldSource {
  const payload = currentPayload()
  const [, slug, sub] = (req.baseUrl + req.path).replace(/^\/api/, '').split('/')
  const collection = slug && payload ? collectionOf(payload, slug) : undefined
  if (!payload || !collection) return undefined
  if (sub === 'versions') return { payload, fields: versionFields(collection.config.flattenedFields, slug!), versions: true }
  return { payload, fields: collection.config.flattenedFields, versions: false }
}

/** The queryable shape of a versions collection: the document under `version`, plus bookkeeping. */
function versionFields(fields: FlattenedField[], slug: string): FlattenedField[] {
  return [
    { name: 'parent', type: 'relationship', relationTo: slug } as FlattenedField,
    { name: 'version', type: 'group', fields: [], flattenedFields: fields } as unknown as FlattenedField,
    { name: 'createdAt', type: 'date' } as FlattenedField,
    { name: 'updatedAt', type: 'date' } as FlattenedField,
  ]
}

function checkWhere(where: unknown, source: FieldSource, at: string, count: { conditions: number }): void {
  if (!isObject(where)) throw new QueryError(`${at} must be a set of conditions, not a single value`)
  for (const [key, value] of Object.entries(where)) {
    const here = `${at}[${key}]`
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      const list = asList(value)
      if (!list) throw new QueryError(`${here} must be a list of conditions (${here}[0][field][operator]=…)`)
      count.conditions += list.length
      if (count.conditions > MAX_CONDITIONS) throw new QueryError(`more than ${MAX_CONDITIONS} conditions in and/or lists`)
      list.forEach((item, i) => checkWhere(item, source, `${here}[${i}]`, count))
      continue
    }
    if (!isObject(value)) throw new QueryError(`${here} needs an operator, e.g. ${here}[equals]=…`)
    const kind = source ? kindOf(source.payload, source.fields, key.split('.')) : undefined
    for (const [operator, operand] of Object.entries(value)) checkCondition(`${here}[${operator}]`, operator, operand, kind)
  }
}

function checkCondition(at: string, operator: string, operand: unknown, kind: Kind | undefined): void {
  if (!validOperatorSet.has(operator as never)) throw new QueryError(`${at}: unknown operator "${operator}"`)
  if (GEO_OPERATORS.has(operator)) {
    if (kind !== 'point') throw new QueryError(`${at}: "${operator}" applies to point (location) fields only`)
    return
  }
  let values: unknown[]
  if (isScalar(operand)) values = LIST_OPERATORS.has(operator) && typeof operand === 'string' ? operand.split(',') : [operand]
  else {
    const list = asList(operand)
    if (!list || !LIST_OPERATORS.has(operator)) throw new QueryError(`${at} must be a single value, not ${list ? 'a list' : 'an object'}`)
    if (!list.every(isScalar)) throw new QueryError(`${at} must be a list of plain values`)
    values = list
  }
  // `exists` takes true/false, which Payload coerces itself.
  if (kind === undefined || operator === 'exists' || (kind !== 'id' && kind !== 'objectId' && TEXT_OPERATORS.has(operator))) return
  for (const v of values) {
    if (v === null || v === 'null') continue
    const text = String(v).trim()
    if ((kind === 'id' || kind === 'number') && (text === '' || !Number.isFinite(Number(text)))) {
      throw new QueryError(`${at} must be ${kind === 'id' ? 'an id (a number)' : 'a number'}, got ${JSON.stringify(v)}`)
    }
    if (kind === 'objectId' && !/^[0-9a-f]{24}$/i.test(text)) throw new QueryError(`${at} must be an id (24 hexadecimal digits), got ${JSON.stringify(v)}`)
    if (kind === 'date' && (text === '' || Number.isNaN(Date.parse(text)))) throw new QueryError(`${at} must be a date, got ${JSON.stringify(v)}`)
  }
}

/**
 * What kind of value a dotted path compares against, following relationships into the related
 * collection as Payload does (`article.slug`). undefined = not resolvable here; Payload decides.
 */
function kindOf(payload: Payload, fields: FlattenedField[], path: string[]): Kind | undefined {
  const [name, ...rest] = path
  const numericIds = payload.db.defaultIDType === 'number'
  const idKind: Kind = numericIds ? 'id' : 'objectId'
  if (name === 'id' && rest.length === 0) return idKind
  const field = fields.find((f) => 'name' in f && f.name === name)
  if (!field) return undefined
  switch (field.type) {
    case 'relationship':
    case 'upload': {
      if (typeof field.relationTo !== 'string') return 'any' // polymorphic: { relationTo, value } shapes
      const target = collectionOf(payload, field.relationTo)
      if (rest.length > 0) return target ? kindOf(payload, target.config.flattenedFields, rest) : undefined
      return target?.customIDType ? 'any' : idKind
    }
    case 'group':
    case 'array':
    case 'tab':
      return rest.length > 0 ? kindOf(payload, field.flattenedFields, rest) : 'any'
    case 'number':
      return rest.length === 0 ? 'number' : undefined
    case 'date':
      return rest.length === 0 ? 'date' : undefined
    case 'point':
      return rest.length === 0 ? 'point' : undefined
    case 'richText':
      // Stored as a JSON column that the SQLite adapter cannot address by path (a 500 "no such column").
      if (rest.length > 0) throw new QueryError(`${path.join('.')}: rich text cannot be queried by path; query ${name} itself`)
      return 'any'
    default:
      // text, select, checkbox, richText, json, blocks...: any string is a valid (if unmatched) value.
      return 'any'
  }
}

const collectionOf = (payload: Payload, slug: string): Collection | undefined => (payload.collections as Record<string, Collection | undefined>)[slug]
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isScalar = (v: unknown): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v)

/** A list as qs or JSON gives it: an array, or an object keyed 0, 1, 2... */
function asList(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v
  if (isObject(v) && Object.keys(v).every((k) => /^\d+$/.test(k))) return Object.values(v)
  return undefined
}
