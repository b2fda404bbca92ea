import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { OpenApiDocument } from '../../apps/cms/openapi/document'

const DOC_ID = 'https://tripsitter.invalid/openapi.json'
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

/**
 * Validate live responses against the served OpenAPI document. The whole document is registered
 * with ajv under one id, so `#/components/...` refs inside response schemas resolve as they do for
 * any OpenAPI tool; each check compiles the response schema by JSON pointer into that document.
 */
export function contractValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: DOC_ID, paths: doc.paths, components: doc.components }, DOC_ID)

  return {
    check(template: string, status: number, body: unknown): void {
      const op = doc.paths[template]?.get
      if (!op) throw new Error(`the OpenAPI document has no GET ${template}`)
      const declared = op.responses[String(status)]
      if (!declared) throw new Error(`GET ${template} documents no ${status} response (has ${Object.keys(op.responses).join(', ')})`)
      const [base, ...path] = '$ref' in declared ? ['components', 'responses', declared.$ref.split('/').pop()!] : ['paths', template, 'get', 'responses', String(status)]
      const response = '$ref' in declared ? doc.components.responses[path[1]!]! : declared
      if (!response.content?.['application/json']) {
        if (body !== undefined && body !== '') throw new Error(`GET ${template} ${status}: documented without a body`)
        return
      }
      const validate = ajv.getSchema(`${DOC_ID}#/${pointer(base!, ...path, 'content', 'application/json', 'schema')}`)
      if (!validate) throw new Error(`GET ${template} ${status}: schema did not compile`)
      if (!validate(body)) throw new Error(`GET ${template} ${status}: ${ajv.errorsText(validate.errors)}`)
    },
  }
}
