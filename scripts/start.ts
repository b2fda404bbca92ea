/**
 * `npm start`: build what is missing, run the CMS (:3000) and the reader site (:3001) as production
 * servers, and on an empty database seed and publish the bundled article so a new user sees it.
 * `npm run dev` (--dev): both apps in Next dev mode against a separate dev database.
 */
import path from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { parseCmsEnv, parseWebEnv, repoRoot } from '../src/env'
import { buildIfStale } from './build'
import { exitOf, runTs, waitForOk } from './lib/processes'

const dev = process.argv.includes('--dev')
const NODE_ENV = dev ? 'development' : 'production'
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV,
  NEXT_TELEMETRY_DISABLED: '1',
  DATA_DIR: process.env.DATA_DIR ?? path.join(repoRoot, 'data'),
}
// Fail here, with one clear message, rather than in two children at once.
const cms = parseCmsEnv(env)
const web = parseWebEnv(env, () => undefined)

const children: ChildProcess[] = []
const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'))
process.on('SIGINT', stopAll)
process.on('SIGTERM', stopAll)

async function main() {
  if (!dev) {
    buildIfStale('cms')
    buildIfStale('web')
  }
  const cmsProcess = runTs('apps/cms/server.ts', dev ? ['--dev'] : [], env)
  children.push(cmsProcess)
  const cmsUrl = `http://127.0.0.1:${cms.CMS_PORT}`
  await waitForOk(`${cmsUrl}/readyz`, dev ? 180_000 : 120_000, cmsProcess)

  const seed = runTs('seed/index.ts', ['--if-empty', '--publish'], { ...env, JOBS_AUTORUN: 'false' })
  const seedExit = await exitOf(seed)
  if (seedExit !== 0) console.error(`[start] seeding the bundled article failed (exit ${seedExit}); the CMS is up, the site may be empty`)

  const webProcess = runTs('apps/web/server.ts', dev ? ['--dev'] : [], env)
  children.push(webProcess)
  await waitForOk(`http://127.0.0.1:${web.WEB_PORT}/robots.txt`, 120_000, webProcess)
  console.log(`[start] CMS admin: ${cms.CMS_URL}/admin   API docs: ${cms.CMS_URL}/api/docs   reader site: ${web.WEB_URL}`)

  // If either server dies, stop the other: a half-running stack is worse than a clear exit.
  const code = await Promise.race(children.map(exitOf))
  stopAll()
  process.exitCode = code
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  stopAll()
  process.exit(1)
})
