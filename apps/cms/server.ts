/**
 * The CMS process: Payload's admin, REST and GraphQL (a Next app) behind express.
 * `tsx apps/cms/server.ts` serves the production build; `--dev` runs Next in dev mode.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import next from 'next'
import { cmsEnv, EnvError } from '@/env'
import { createCmsHttpServer } from './http/app'
import { gracefulShutdown } from '@/process/gracefulShutdown'
import { loadRootEnv } from '@/process/rootEnv'

const dir = path.dirname(fileURLToPath(import.meta.url))

async function main() {
  const dev = process.argv.includes('--dev')
  loadRootEnv()
  const env = cmsEnv()
  const app = next({ dev, dir, hostname: 'localhost', port: env.CMS_PORT })
  await app.prepare()
  const server = createCmsHttpServer(env, app.getRequestHandler())
  server.listen(env.CMS_PORT, env.HOST, async () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : env.CMS_PORT
    console.log(`[cms] listening on http://localhost:${port} (${dev ? 'dev' : 'production'}, ${env.databaseKind})`)
    // Payload starts lazily on the first request; start it now so migrations run and /readyz turns 200.
    try {
      await fetch(`http://127.0.0.1:${port}/api/articles?limit=1&depth=0`)
      console.log(`[cms] ready on http://localhost:${port} (admin: /admin, API: /api, docs: /api/docs)`)
    } catch (err) {
      console.error('[cms] warm-up request failed:', err)
    }
  })
  gracefulShutdown(server, { name: 'cms', onClose: () => app.close() })
}

main().catch((err: unknown) => {
  console.error(err instanceof EnvError ? err.message : err)
  process.exit(1)
})
