/**
 * The CMS's Next config.
 *
 * Plain JavaScript, not TypeScript: Next transpiles a next.config.ts with its native SWC binding at
 * every server start, and that binding then stays mapped in the serving process (about 25 MB of
 * resident memory, and time at each start). The types are kept with JSDoc.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
// CommonJS without static named exports: Node's ESM loader sees only the default export.
import nextEnv from '@next/env'
import { withPayload } from '@payloadcms/next/withPayload'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// Next reads .env only from the app folder; the project keeps one at the root. Force a reload so a
// changed root .env is seen by the next build.
nextEnv.loadEnvConfig(repoRoot, process.env.NODE_ENV !== 'production', undefined, true)

/** @type {import('next').NextConfig} */
const config = {
  // `next` is hoisted to the root node_modules, and the Payload config lives at the root: both
  // roots must be the repository root or Turbopack cannot find Next or compile ../../collections.
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  // express compresses nothing either: the API is small JSON and a proxy/CDN in front compresses.
  compress: false,
}

export default withPayload(config, { devBundleServerPackages: false })
