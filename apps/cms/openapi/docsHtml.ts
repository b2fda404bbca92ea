/**
 * A readable, self-contained HTML reference for the OpenAPI document (served at `/api/docs`).
 *
 * No scripts and no external assets: it works under a strict Content-Security-Policy (inline
 * style only) and offline. Every string from the document is escaped, since descriptions hold
 * text such as `#ref-<number>`.
 */
import type { JsonSchema, OpenApiDocument, OpenApiHeader, OpenApiOperation, OpenApiRef, OpenApiResponse } from './document'

type SchemaOrBool = JsonSchema | boolean

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;margin:0;background:#fafafa}
main{max-width:64rem;margin:0 auto;padding:1.5rem}
h1 small{font-weight:normal;color:#555;font-size:.6em}
h3{margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}
code{font-family:ui-monospace,monospace;background:#eee;padding:0 .2em;border-radius:3px}
.method{font:bold .8em ui-monospace,monospace;background:#0b6;color:#fff;padding:.1em .4em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;background:#fff}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
`

export function renderApiDocsHtml(doc: OpenApiDocument): string {
  const operations = Object.entries(doc.paths).map(([path, item]) => ({ path, op: item.get }))
  const body = [
    `<h1>${escapeHtml(doc.info.title)} <small>v${escapeHtml(doc.info.version)}</small></h1>`,
    `<p>${escapeHtml(doc.info.description)}</p>`,
    `<p>Server: ${doc.servers.map((s) => `<code>${escapeHtml(s.url)}</code>`).join(', ')}</p>`,
    '<h2>Authentication</h2>',
    ...Object.entries(doc.components.securitySchemes).map(
      ([name, scheme]) =>
        `<p><strong>${escapeHtml(name)}</strong>: header <code>${escapeHtml(scheme.name)}</code>. ${escapeHtml(scheme.description)}</p>`,
    ),
    '<h2>Endpoints</h2>',
    '<ul>',
    ...operations.map(
      ({ path, op }) =>
        `<li><a href="#op-${escapeHtml(op.operationId)}">GET ${escapeHtml(path)}</a>: ${escapeHtml(op.summary)}</li>`,
    ),
    '</ul>',
    ...operations.map(({ path, op }) => renderOperation(doc, path, op)),
    '<h2>Schemas</h2>',
    ...Object.entries(doc.components.schemas).map(([name, schema]) => renderSchema(name, schema)),
  ].join('\n')

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)}: API reference</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

function renderOperation(doc: OpenApiDocument, path: string, op: OpenApiOperation): string {
  const parts = [
    `<h3 id="op-${escapeHtml(op.operationId)}"><span class="method">GET</span> <code>${escapeHtml(path)}</code></h3>`,
    `<p><strong>${escapeHtml(op.summary)}</strong></p>`,
  ]
  if (op.description) parts.push(`<p>${escapeHtml(op.description)}</p>`)
  if (op.security?.length === 0) parts.push('<p>No authentication.</p>')
  if (op.parameters.length > 0) {
    parts.push(
      table(
        ['Parameter', 'In', 'Type', 'Required', 'Description'],
        op.parameters.map((p) => [
          `<code>${escapeHtml(p.name)}</code>`,
          escapeHtml(p.in),
          typeHtml(p.schema),
          p.required ? 'yes' : 'no',
          escapeHtml(withDefault(p.description, p.schema)),
        ]),
      ),
    )
  }
  parts.push(
    table(
      ['Status', 'Description', 'Body', 'Headers'],
      Object.entries(op.responses).map(([status, ref]) => {
        const response = resolveResponse(doc, ref)
        const schema = response.content?.['application/json']?.schema
        return [
          `<code>${escapeHtml(status)}</code>`,
          escapeHtml(response.description),
          schema ? typeHtml(schema) : 'none',
          headersHtml(response.headers),
        ]
      }),
    ),
  )
  return parts.join('\n')
}

function renderSchema(name: string, schema: JsonSchema): string {
  const parts = [`<h3 id="schema-${escapeHtml(name)}">${escapeHtml(name)}</h3>`]
  if (schema.description) parts.push(`<p>${escapeHtml(schema.description)}</p>`)
  const properties = schema.properties
  if (properties === undefined) {
    parts.push(`<p>Type: ${typeHtml(schema)}</p>`)
    return parts.join('\n')
  }
  const required = new Set(schema.required ?? [])
  parts.push(
    table(
      ['Field', 'Type', 'Required', 'Description'],
      Object.entries(properties).map(([field, property]) => [
        `<code>${escapeHtml(field)}</code>`,
        typeHtml(property),
        required.has(field) ? 'yes' : 'no',
        escapeHtml(descriptionOf(property) ?? ''),
      ]),
    ),
  )
  if (schema.additionalProperties === undefined || schema.additionalProperties === true) {
    parts.push('<p>Other fields may be present.</p>')
  }
  return parts.join('\n')
}

function resolveResponse(doc: OpenApiDocument, response: OpenApiResponse | OpenApiRef): OpenApiResponse {
  if (!('$ref' in response)) return response
  const name = response.$ref.replace('#/components/responses/', '')
  const resolved = doc.components.responses[name]
  if (!resolved) throw new Error(`renderApiDocsHtml: unresolved ${response.$ref}`)
  return resolved
}

/** A short type expression; named schemas become links to their table. */
function typeHtml(schema: SchemaOrBool): string {
  if (schema === true) return 'any'
  if (schema === false) return 'never'
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '')
    return `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>`
  }
  const union = schema.anyOf ?? schema.oneOf
  if (union) return union.map(typeHtml).join(' | ')
  if (schema.const !== undefined) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`
  if (schema.enum) return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ')
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.length === 0) return 'any'
  return types
    .map((type) => {
      if (type === 'array' && schema.items !== undefined && !Array.isArray(schema.items)) {
        return `array of ${typeHtml(schema.items)}`
      }
      return escapeHtml(type) + constraintText(schema)
    })
    .join(' | ')
}

/** Lower bounds only: the upper ones zod emits are Number.MAX_SAFE_INTEGER, noise to a reader. */
function constraintText(schema: JsonSchema): string {
  if (typeof schema.exclusiveMinimum === 'number') return ` &gt; ${schema.exclusiveMinimum}`
  const max = typeof schema.maximum === 'number' && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined
  if (typeof schema.minimum === 'number' && schema.minimum > Number.MIN_SAFE_INTEGER) return max === undefined ? ` ≥ ${schema.minimum}` : ` ${schema.minimum} to ${max}`
  if (typeof schema.minLength === 'number' && schema.minLength > 0) return ` (min length ${schema.minLength})`
  return ''
}

/** zod puts `.describe()` of a nullable field on its non-null branch; look there too. */
function descriptionOf(schema: SchemaOrBool): string | undefined {
  if (typeof schema === 'boolean') return undefined
  return schema.description ?? (schema.anyOf ?? []).map((s) => s.description).find((d) => d !== undefined)
}

function withDefault(description: string | undefined, schema: JsonSchema): string {
  const text = description ?? ''
  return schema.default === undefined ? text : `${text} (default ${JSON.stringify(schema.default)})`.trim()
}

function headersHtml(headers: Record<string, OpenApiHeader> | undefined): string {
  if (!headers) return ''
  return Object.entries(headers)
    .map(([name, h]) => `<code>${escapeHtml(name)}</code> (${typeHtml(h.schema)}): ${escapeHtml(h.description)}`)
    .join('<br>')
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${h}</th>`).join('')
  const trs = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs.join('\n')}\n</tbody>\n</table>`
}
