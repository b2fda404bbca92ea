import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadEnvConfig } from '@next/env'
import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// Next reads .env only from the app folder; the project keeps one at the root. Force a reload so a
// changed root .env is seen by the next build.
loadEnvConfig(repoRoot, process.env.NODE_ENV !== 'production', undefined, true)

const config: NextConfig = {
  // `next` is hoisted to the root node_modules, and the Payload config lives at the root: both
  // roots must be the repository root or Turbopack cannot find Next or compile ../../collections.
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  poweredByHeader: false,
  // express compresses nothing either: the API is small JSON and a proxy/CDN in front compresses.
  compress: false,
}

export default withPayload(config, { devBundleServerPackages: false })
