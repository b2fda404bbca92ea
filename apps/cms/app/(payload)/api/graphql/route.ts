import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

// Payload routes only POST here, but its handler (graphql-http) also reads `?query=` by GET and
// refuses a mutation sent that way (405), as GraphQL over HTTP specifies: a GET read is one a
// browser, a CDN and the API cache can keep by URL.
export const GET = GRAPHQL_POST(config)
export const POST = GRAPHQL_POST(config)
export const OPTIONS = REST_OPTIONS(config)
