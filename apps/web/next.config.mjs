/**
 * The reader site's Next config.
 *
 * Why the repo root everywhere: `next`, `react` and the shared `src/` live at the root (npm workspaces
 * hoist them), so Turbopack must see the root to compile `src/cms` and find `next` at all; a root of
 * `apps/web` fails with "Could not find the Next.js package".
 *
 * Plain JavaScript for the reason given in apps/cms/next.config.mjs (no SWC binding in the server).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
// CommonJS without static named exports: Node's ESM loader sees only the default export.
import nextEnv from '@next/env'
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** @param {string} phase @returns {import('next').NextConfig} */
export default function config(phase) {
  // Next only reads .env from the app folder; the project keeps one .env at the root. The 4th argument
  // forces a reload, since Next has already cached the (empty) app-folder result by now.
  nextEnv.loadEnvConfig(repoRoot, phase === PHASE_DEVELOPMENT_SERVER, { info: () => {}, error: console.error }, true)
  return {
    turbopack: { root: repoRoot },
    outputFileTracingRoot: repoRoot,
    // The in-process front server (apps/web/front/) compresses once and caches the compressed bytes.
    compress: false,
    poweredByHeader: false,
    reactStrictMode: true,
    // Metadata always blocking, in <head>: by default Next streams it for browsers but not for bots,
    // and the front server keeps ONE cached response per URL for every user agent.
    htmlLimitedBots: /.*/,
  }
}
