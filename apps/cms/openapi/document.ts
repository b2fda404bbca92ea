/**
 * The OpenAPI 3.1 document of the public read API, generated from the zod contract in
 * `src/cms/schemas.ts`: the client's parser and this document cannot drift apart, because every schema
 * in it (component, parameter or header) is `z.toJSONSchema` of a zod schema.
 *
 * Objects are emitted open (no `additionalProperties: false`) by default: the document describes
 * what the client accepts, and zod strips unknown keys rather than rejecting them, so adding a
 * field is not a breaking change. `closedObjects: true` emits them closed, for contract tests that
 * want to catch a field leaking into a response.
 */
import { z } from 'zod'
import {
  ArticleDocument,
  ArticleList,
  ArticleSummary,
  AssembledArticle,
  Citation,
  ErrorBody,
  HealthOk,
  ContentRevision,
  HealthUnavailable,
  Id,
  LexicalState,
  LooseDocument,
  LooseDocumentList,
  Person,
  PersonList,
  PersonProfile,
  SearchHit,
  SearchParams,
  SearchResults,
  Section,
  Topic,
  TopicList,
} from '@/cms/schemas'

export type JsonSchema = z.core.JSONSchema.BaseSchema

export interface OpenApiRef {
  $ref: string
}
export interface OpenApiHeader {
  description: string
  schema: JsonSchema
}
export interface OpenApiResponse {
  description: string
  headers?: Record<string, OpenApiHeader>
  content?: Record<string, { schema: JsonSchema }>
}
export interface OpenApiParameter {
  name: string
  in: 'query' | 'path' | 'header'
  required: boolean
  description?: string
  schema: JsonSchema
  style?: 'deepObject' | 'simple' | 'form'
  explode?: boolean
}
export interface OpenApiOperation {
  operationId: string
  summary: string
  description?: string
  tags: Tag[]
  parameters: OpenApiParameter[]
  responses: Record<string, OpenApiResponse | OpenApiRef>
  security?: Record<string, string[]>[]
}
export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  jsonSchemaDialect: string
  servers: { url: string }[]
  security: Record<string, string[]>[]
  tags: { name: string; description: string }[]
  paths: Record<string, { get: OpenApiOperation }>
  components: {
    schemas: Record<string, JsonSchema>
    responses: Record<string, OpenApiResponse>
    securitySchemes: Record<string, { type: 'apiKey'; in: 'header'; name: string; description: string }>
  }
}

/** Every named schema; the key is its name under `components.schemas`. */
const components = {
  Id,
  Person,
  PersonProfile,
  Topic,
  LexicalState,
  Citation,
  Section,
  ArticleSummary,
  AssembledArticle,
  ArticleList,
  PersonList,
  TopicList,
  SearchHit,
  SearchResults,
  ArticleDocument,
  LooseDocument,
  LooseDocumentList,
  ErrorBody,
  HealthOk,
  HealthUnavailable,
  ContentRevision,
} satisfies Record<string, z.ZodType>
type ComponentName = keyof typeof components

const schemaRef = (name: ComponentName): JsonSchema => ({ $ref: `#/components/schemas/${name}` })

function componentSchemas(io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>()
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id })
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => `#/components/schemas/${id}`,
  })
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutRootKeys(schema)]))
}

/** An inline schema (parameter, header) from zod, described the same way as the components. */
function inline(schema: z.ZodType): JsonSchema {
  return withoutRootKeys(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }))
}

/**
 * `$schema` is declared once for the whole document (jsonSchemaDialect), and a `$id` holding a
 * fragment (`#/components/schemas/X`) is invalid in 2020-12: refs resolve against the document.
 */
function withoutRootKeys(schema: JsonSchema): JsonSchema {
  const copy = { ...schema }
  delete copy.$schema
  delete copy.$id
  return copy
}

function queryParam(name: string, schema: z.ZodType, extra: Partial<OpenApiParameter> = {}): OpenApiParameter {
  return { name, in: 'query', required: false, description: schema.description, schema: inline(schema), ...extra }
}

const deepObject = { style: 'deepObject', explode: true } as const

const param = {
  where: queryParam(
    'where',
    z
      .record(z.string(), z.unknown())
      .describe(
        'Payload query, in qs bracket syntax: where[slug][equals]=ketamine; and/or take arrays: ' +
          'where[or][0][slug][equals]=a&where[or][1][slug][equals]=b. Operators: equals, not_equals, in, ' +
          'not_in, like, contains, exists, greater_than, less_than... The server parses at most 10 levels of brackets.',
      ),
    deepObject,
  ),
  sort: queryParam(
    'sort',
    z.string().describe('Field to sort by; prefix "-" for descending, several comma-separated, e.g. -publishedAt,title. A name that is not a sortable field is a 400'),
  ),
  limit: queryParam('limit', z.number().int().min(0).max(1000).default(10).describe('Documents per page, at most 1000; 0 returns every match')),
  page: queryParam('page', z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1).describe('1-based page number')),
  depth: queryParam(
    'depth',
    z.number().int().min(0).max(100).default(2).describe('How deep relationships are populated (the server caps it at MAX_DEPTH, 2); send 0 to get ids only'),
  ),
  select: queryParam(
    'select',
    z
      .record(z.string(), z.boolean())
      .describe(
        'Fields to return, e.g. select[title]=true&select[slug]=true. Only those fields (and id) come back, so ' +
          'the documents are partial: the response then matches the LooseDocument shape rather than the full one',
      ),
    deepObject,
  ),
  draft: queryParam(
    'draft',
    z.boolean().default(false).describe('Return the latest draft instead of the published version; needs an editor API key'),
  ),
}

const header = {
  etag: { description: 'Version of the representation; send it back as If-None-Match', schema: inline(z.string()) },
  retryAfter: {
    description: 'Seconds to wait before retrying',
    schema: inline(z.number().int().min(0)),
  },
} satisfies Record<string, OpenApiHeader>

const json = (description: string, name: ComponentName, headers?: Record<string, OpenApiHeader>): OpenApiResponse => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: schemaRef(name) } },
})

const errorResponses = {
  BadRequest: json('Bad request: an invalid query (unknown field in where, a limit, page, depth, sort, select or draft value out of range); the message names the parameter', 'ErrorBody'),
  Unauthorized: json('The API key in Authorization is invalid', 'ErrorBody'),
  Forbidden: json('Not allowed, e.g. draft=true without editor access', 'ErrorBody'),
  NotFound: json('No such document (including an id that cannot exist, such as a word), or it is not published', 'ErrorBody'),
  ContentTooLarge: json('Request too large (query string or headers over the limit)', 'ErrorBody'),
  TooManyRequests: json('Rate limit exceeded', 'ErrorBody', { 'Retry-After': header.retryAfter }),
} satisfies Record<string, OpenApiResponse>
type ErrorResponseName = keyof typeof errorResponses

/** A 200 whose documents are complete without `select` and partial (`partial`) with it. */
const selectable = (description: string, full: ComponentName, partial: ComponentName): OpenApiResponse => ({
  description: `${description}. Without select: ${full}. With select: ${partial} (only the selected fields and id)`,
  content: { 'application/json': { schema: { anyOf: [schemaRef(full), schemaRef(partial)] } } },
})

const errorRef = (name: ErrorResponseName): OpenApiRef => ({ $ref: `#/components/responses/${name}` })

/** The failures any API read can meet; 404 is added only where a single document is addressed. */
const commonErrors = {
  '400': errorRef('BadRequest'),
  '401': errorRef('Unauthorized'),
  '403': errorRef('Forbidden'),
  '413': errorRef('ContentTooLarge'),
  '429': errorRef('TooManyRequests'),
}

/** Operation groups, in the order the document lists them. */
const TAGS = {
  Articles: 'Published articles',
  Citations: 'Reference entries cited by articles',
  Sections: 'Article sections (body text)',
  People: 'Authors and medical reviewers (public fields only)',
  Topics: 'Subjects articles are filed under',
  Search: 'Full-text search over published articles',
  Health: 'Liveness and readiness probes',
}
type Tag = keyof typeof TAGS

function listOperation(operationId: string, tag: Tag, summary: string, item: ComponentName, description: string) {
  return {
    get: {
      operationId,
      summary,
      description,
      tags: [tag],
      parameters: [param.where, param.sort, param.limit, param.page, param.depth, param.select, param.draft],
      responses: { '200': item === 'LooseDocumentList' ? json('A page of documents', item) : selectable('A page of documents', item, 'LooseDocumentList'), ...commonErrors },
    },
  }
}

const health = (operationId: string, summary: string, responses: OpenApiOperation['responses']): { get: OpenApiOperation } => ({
  get: { operationId, summary, tags: ['Health'], parameters: [], responses, security: [] },
})

export interface OpenApiOptions {
  /** Public origin of the CMS, e.g. `https://cms.example.org`. */
  serverUrl: string
  /** Emit objects with `additionalProperties: false` (see the top of this file). */
  closedObjects?: boolean
}

export function buildOpenApiDocument({ serverUrl, closedObjects = false }: OpenApiOptions): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tripsitter public API',
      version: '1.0.0',
      description:
        'Read-only access to published articles, their sections and citations. Anonymous requests see ' +
        'published content only. Every error response has the body { errors: [{ message }] }. HEAD is ' +
          'answered wherever GET is, with the same headers and no body.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: serverUrl }],
    // `{}` first: authentication is optional, an API key only widens what can be read.
    security: [{}, { apiKey: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths: {
      '/api/articles': listOperation(
        'listArticles',
        'Articles',
        'List articles',
        'ArticleList',
        'Paginated list, newest first with sort=-publishedAt. List items are described as ArticleSummary, ' +
          'the fields the typed client asks for with select[...]=true and depth=0; without select, documents carry ' +
          'every collection field; with any other select, only the selected fields and id.',
      ),
      '/api/articles/by-slug/{slug}': {
        get: {
          operationId: 'getArticleBySlug',
          summary: 'Get a published article, assembled for reading',
          description:
            'Sections in reading order with sanitized HTML and plain text, citations numbered in order of ' +
            'first use. Supports conditional requests with If-None-Match.',
          tags: ['Articles'],
          parameters: [
            { name: 'slug', in: 'path', required: true, description: 'URL slug of the article', schema: inline(z.string().min(1)) },
            param.draft,
            {
              name: 'If-None-Match',
              in: 'header',
              required: false,
              description: 'ETag of a copy the client holds; answered with 304 when still current',
              schema: inline(z.string()),
            },
          ],
          responses: {
            '200': json('The assembled article', 'AssembledArticle', { ETag: header.etag }),
            '304': { description: 'Not Modified: the copy matching If-None-Match is current (no body)', headers: { ETag: header.etag } },
            '404': errorRef('NotFound'),
            ...commonErrors,
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          operationId: 'getArticleById',
          summary: 'Get one article document by id',
          description: 'The raw Payload document (fields depend on depth and select), not the assembled article.',
          tags: ['Articles'],
          parameters: [
            { name: 'id', in: 'path', required: true, description: Id.description, schema: inline(z.string().min(1)) },
            param.depth,
            param.select,
            param.draft,
          ],
          responses: { '200': selectable('The article document', 'ArticleDocument', 'LooseDocument'), '404': errorRef('NotFound'), ...commonErrors },
        },
      },
      '/api/citations': listOperation('listCitations', 'Citations', 'List citations', 'LooseDocumentList', 'Paginated raw citation documents.'),
      '/api/sections': listOperation('listSections', 'Sections', 'List sections', 'LooseDocumentList', 'Paginated raw section documents.'),
      '/api/content-revision': {
        get: {
          operationId: 'getContentRevision',
          summary: 'The content revision: poll it to know when cached content is stale',
          description:
            'A number that moves whenever anything readers see changes. Answered from memory; send the ETag ' +
            'back in If-None-Match to get 304 while nothing changed.',
          tags: ['Articles'],
          parameters: [],
          security: [],
          responses: {
            '200': json('The current revision', 'ContentRevision', { ETag: header.etag }),
            '304': { description: 'Not Modified: nothing changed since the revision in If-None-Match', headers: { ETag: header.etag } },
            '503': json('The CMS is starting and has not read the revision yet', 'ErrorBody'),
          },
        },
      },
      '/api/people': listOperation(
        'listPeople',
        'People',
        'List people',
        'PersonList',
        'Authors and reviewers. Items are described as Person, the fields the client asks for with select[...]=true; ' +
          'the link to a login account is never readable without staff credentials.',
      ),
      '/api/people/by-slug/{slug}': {
        get: {
          operationId: 'getPersonBySlug',
          summary: "Get a person's public profile",
          description: 'Name, credentials, bio and photo (absolute URLs, every stored width): what an author page shows.',
          tags: ['People'],
          parameters: [{ name: 'slug', in: 'path', required: true, description: 'URL slug of the person', schema: inline(z.string().min(1)) }],
          responses: { '200': json("The person's profile", 'PersonProfile'), '404': errorRef('NotFound'), ...commonErrors },
        },
      },
      '/api/topics': listOperation('listTopics', 'Topics', 'List topics', 'TopicList', 'Topics; items as Topic with select[...]=true.'),
      '/api/search': {
        get: {
          operationId: 'search',
          summary: 'Search published articles',
          description:
            'Ranked full-text search over title, summary, section text, people and topics of published articles. ' +
            'Prefix and accent-insensitive, with one typo tolerated in longer words. Each hit carries the sentence ' +
            'that matched best as plain text plus the ranges of the matched words.',
          tags: ['Search'],
          parameters: [
            queryParam('q', SearchParams.shape.q, { required: true }),
            queryParam('limit', SearchParams.shape.limit),
            queryParam('page', SearchParams.shape.page),
          ],
          responses: { '200': json('A page of results, best first', 'SearchResults'), ...commonErrors },
        },
      },
      '/healthz': health('healthz', 'Liveness: the process is up', { '200': json('Up', 'HealthOk') }),
      '/readyz': health('readyz', 'Readiness: the database is reachable', {
        '200': json('Ready to serve', 'HealthOk'),
        '503': json('Not ready; reason says why', 'HealthUnavailable'),
      }),
    },
    components: {
      schemas: componentSchemas(closedObjects ? 'output' : 'input'),
      responses: errorResponses,
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'A Payload user API key, sent as: Authorization: users API-Key <key>',
        },
      },
    },
  }
}
