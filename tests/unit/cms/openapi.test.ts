import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { AssembledArticle, ArticleSummary } from '../../../src/cms'
import { buildOpenApiDocument, type OpenApiDocument } from '../../../apps/cms/openapi/document'
import { renderApiDocsHtml } from '../../../apps/cms/openapi/docsHtml'
import { article, listOf, summary } from './fixtures'

const DOC_ID = 'https://tripsitter.test/openapi.json'

/** Ajv over the whole document, so `#/components/schemas/X` refs resolve as they do for OpenAPI tools. */
function validatorFor(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: DOC_ID, components: doc.components }, DOC_ID)
  return (name: string) => {
    const validate = ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`)
    if (!validate) throw new Error(`no schema ${name}`)
    return validate
  }
}

/** Every `$ref` string anywhere in the document. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found))
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v)
      else refsIn(v, found)
    }
  }
  return found
}

const doc = buildOpenApiDocument({ serverUrl: 'https://cms.example.org' })
const schema = validatorFor(doc)

describe('buildOpenApiDocument', () => {
  it('describes the public read endpoints (and no /api/articles/{slug})', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers).toEqual([{ url: 'https://cms.example.org' }])
    expect(Object.keys(doc.paths)).toEqual([
      '/api/articles',
      '/api/articles/by-slug/{slug}',
      '/api/articles/{id}',
      '/api/citations',
      '/api/sections',
      '/api/content-revision',
      '/api/people',
      '/api/people/by-slug/{slug}',
      '/api/topics',
      '/api/search',
      '/healthz',
      '/readyz',
    ])
  })

  it('documents list parameters, including where and select in bracket syntax', () => {
    const list = doc.paths['/api/articles']?.get
    expect(list?.parameters.map((p) => p.name)).toEqual(['where', 'sort', 'limit', 'page', 'depth', 'select', 'draft'])
    expect(list?.parameters.find((p) => p.name === 'where')).toMatchObject({ in: 'query', style: 'deepObject', explode: true })
    expect(list?.parameters.find((p) => p.name === 'limit')?.schema).toMatchObject({ type: 'integer', minimum: 0, maximum: 1000, default: 10 })
    // With select the documents are partial: the 200 names both shapes.
    expect(list?.responses['200']).toEqual({
      description: 'A page of documents. Without select: ArticleList. With select: LooseDocumentList (only the selected fields and id)',
      content: { 'application/json': { schema: { anyOf: [{ $ref: '#/components/schemas/ArticleList' }, { $ref: '#/components/schemas/LooseDocumentList' }] } } },
    })
  })

  it('documents by-slug with ETag, 304, 404 and the shared error responses', () => {
    const bySlug = doc.paths['/api/articles/by-slug/{slug}']?.get
    expect(Object.keys(bySlug?.responses ?? {})).toEqual(['200', '304', '400', '401', '403', '404', '413', '429'])
    expect(bySlug?.responses['200']).toMatchObject({ headers: { ETag: { schema: { type: 'string' } } } })
    expect(bySlug?.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' })
    expect(doc.components.responses.TooManyRequests).toMatchObject({
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    })
    expect(doc.paths['/readyz']?.get.responses['503']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/HealthUnavailable' } } },
    })
  })

  it('describes API keys as an optional apiKey header scheme; health checks need none', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' })
    expect(doc.security).toEqual([{}, { apiKey: [] }])
    expect(doc.paths['/healthz']?.get.security).toEqual([])
  })

  it('resolves every $ref inside the document', () => {
    const refs = refsIn(doc)
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of refs) {
      const [, kind, name] = /^#\/components\/(schemas|responses)\/(\w+)$/.exec(ref) ?? []
      expect(kind === 'schemas' ? doc.components.schemas[name ?? ''] : doc.components.responses[name ?? ''], ref).toBeDefined()
    }
  })

  it('generates the component schemas from zod (fields follow schemas.ts)', () => {
    expect(doc.components.schemas.AssembledArticle?.required).toEqual(Object.keys(AssembledArticle.shape))
    expect(Object.keys(doc.components.schemas.ArticleSummary?.properties ?? {})).toEqual(Object.keys(ArticleSummary.shape))
    expect(doc.components.schemas.AssembledArticle).not.toHaveProperty('$id')
  })
})

describe('component schemas under ajv (JSON Schema 2020-12)', () => {
  it('all compile', () => {
    for (const name of Object.keys(doc.components.schemas)) expect(() => schema(name), name).not.toThrow()
  })

  it('accept a valid AssembledArticle and reject broken ones', () => {
    const validate = schema('AssembledArticle')
    expect(validate(article), JSON.stringify(validate.errors)).toBe(true)

    expect(validate({ ...article, title: 42 })).toBe(false)
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/title' })

    // Only fails if the `#/components/schemas/Id` ref really resolved.
    expect(validate({ ...article, id: true })).toBe(false)
    const { citations: _c, ...noCitations } = article
    expect(validate(noCitations)).toBe(false)
    expect(validate({ ...article, citations: [{ ...article.citations[0], number: 0 }] })).toBe(false)
    expect(validate({ ...article, sections: [{ ...article.sections[0], body: { root: { type: 'paragraph', children: [] } } }] })).toBe(false)
  })

  it('accept lists, errors, raw documents and health bodies', () => {
    expect(schema('ArticleList')(listOf([summary]))).toBe(true)
    expect(schema('ArticleList')({ ...listOf([summary]), hasNextPage: 'no' })).toBe(false)
    expect(schema('ErrorBody')({ errors: [{ message: 'Not Found', data: null }] })).toBe(true)
    expect(schema('ErrorBody')({ errors: [] })).toBe(false)
    expect(schema('ArticleDocument')({ id: 'abc', slug: 's', title: 't', _status: 'published', body: [] })).toBe(true)
    expect(schema('ArticleDocument')({ id: 'abc', slug: 's', title: 't', _status: 'archived' })).toBe(false)
    expect(schema('LooseDocumentList')({ ...listOf([]), docs: [{ id: 1, anything: true }] })).toBe(true)
    expect(schema('HealthUnavailable')({ status: 'unavailable', reason: 'database unreachable' })).toBe(true)
    expect(schema('HealthOk')({ status: 'unavailable' })).toBe(false)
  })

  it('leave objects open by default and close them on request', () => {
    const extra = { ...article, internalNotes: 'x' }
    expect(schema('AssembledArticle')(extra)).toBe(true)
    const closed = validatorFor(buildOpenApiDocument({ serverUrl: 'x', closedObjects: true }))
    expect(closed('AssembledArticle')(article)).toBe(true)
    expect(closed('AssembledArticle')(extra)).toBe(false)
  })
})

describe('renderApiDocsHtml', () => {
  const html = renderApiDocsHtml(doc)

  it('is a self-contained page listing every path, parameter, response and schema', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/<script|<link|src=/i)
    for (const path of Object.keys(doc.paths)) expect(html).toContain(`<code>${path}</code>`)
    for (const name of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${name}"`)
    expect(html).toContain('<td><code>where</code></td><td>query</td><td>object</td><td>no</td>')
    expect(html).toContain('<td><code>429</code></td><td>Rate limit exceeded</td><td><a href="#schema-ErrorBody">ErrorBody</a></td>')
    expect(html).toContain('<td><code>citations</code></td><td>array of <a href="#schema-Citation">Citation</a></td><td>yes</td>')
    expect(html).toContain('<td><code>publishedAt</code></td><td>string | null</td><td>yes</td><td>ISO 8601 date-time</td>')
  })

  it('escapes text from the document', () => {
    expect(html).toContain('citation markers link to #ref-&lt;number&gt;')
    const hostile = renderApiDocsHtml({ ...doc, info: { ...doc.info, description: '<script>alert("x")</script>' } })
    expect(hostile).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(hostile).not.toContain('<script>')
  })
})
