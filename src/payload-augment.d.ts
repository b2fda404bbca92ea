// Payload's generated types are emitted with `declare: false` so the reader site (which has no
// payload dependency in its type graph) can type-check; this file wires them into `payload` for
// the root and the CMS only.
import type { Config } from './payload-types'

declare module 'payload' {
  export interface GeneratedTypes extends Config {}
}
