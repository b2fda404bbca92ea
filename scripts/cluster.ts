/**
 * `npm run cluster`: the load-balanced topology on one machine. Two CMS and two reader-site
 * processes share one database (the SQLite file in WAL mode, or DATABASE_URL's MongoDB) behind
 * nginx: readers on CLUSTER_WEB_PORT (8080), editors and API clients on CLUSTER_CMS_PORT (8081).
 * An empty database is seeded as `npm start` does; Ctrl-C (or SIGTERM) stops everything.
 *
 * What keeps N instances correct is in the README ("Deploying"): every cache follows the content
 * revision in the database, so no instance needs to know the others. Scheduled publishing runs in
 * the first CMS only (JOBS_AUTORUN), so a due job runs once however many instances there are.
 * Each instance is supervised like under `npm start`: one that dies is restarted and rejoins, and
 * nginx sends its traffic to the others meanwhile.
 */
import path from 'node:path'
import { parseClusterEnv, parseCmsEnv, parseWebEnv, repoRoot } from '../src/env'
import { buildIfStale } from './build'
import { freePort } from './lib/ports'
import { CMS_ENTRY, runTs, waitForOk, WEB_ENTRY } from './lib/processes'
import { startNginx, nginxBinary, type Balancer } from './lib/nginx'
import { stopAllOnSignals, supervise, type Supervisor } from './lib/supervisor'
import { firstAdminNotice } from './lib/firstAdminNotice'
import { runAgainIfStalled } from './lib/startup'

const INSTANCES = 2
const READY_MS = 120_000

const cluster = parseClusterEnv()
const shared: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATA_DIR: process.env.DATA_DIR ?? path.join(repoRoot, 'data'),
  // The public URLs are nginx's: links, CORS, preview and the purge webhook all go through it.
  CMS_URL: process.env.CMS_URL ?? `http://localhost:${cluster.CLUSTER_CMS_PORT}`,
  WEB_URL: process.env.WEB_URL ?? `http://localhost:${cluster.CLUSTER_WEB_PORT}`,
}
// Parsed (and missing dev secrets generated) once here, before several processes would race to.
const cms = parseCmsEnv(shared)
parseWebEnv(shared, () => undefined)

const supervisors: Supervisor[] = []
let balancer: Balancer | undefined
const stopAll = stopAllOnSignals('cluster', supervisors, async () => balancer?.stop())

/** One supervised instance on its own loopback port; resolves once it answers `readyPath`. */
async function instance(name: string, entry: string, env: NodeJS.ProcessEnv, port: number, readyPath: string): Promise<void> {
  const url = `http://127.0.0.1:${port}${readyPath}`
  const s = supervise({
    name,
    tag: 'cluster',
    spawn: () => runTs(entry, [], env),
    ready: (child) => waitForOk(url, READY_MS, child),
    onGiveUp: (reason) => {
      console.error(`[cluster] giving up: ${reason}`)
      void stopAll(1)
    },
  })
  supervisors.push(s)
  await waitForOk(url, READY_MS, s.child)
  console.log(`[cluster] ${name} ready on 127.0.0.1:${port} (pid ${s.child.pid})`)
}

async function main() {
  nginxBinary() // fail before building or starting anything
  buildIfStale('cms')
  buildIfStale('web')
  const cmsPorts = await Promise.all(Array.from({ length: INSTANCES }, freePort))
  const webPorts = await Promise.all(Array.from({ length: INSTANCES }, freePort))
  // Instances listen on loopback only: nginx is the one way in.
  const cmsEnv = (i: number): NodeJS.ProcessEnv => ({ ...shared, HOST: '127.0.0.1', CMS_PORT: String(cmsPorts[i]), JOBS_AUTORUN: i === 0 ? shared.JOBS_AUTORUN ?? 'true' : 'false' })
  const webEnv = (i: number): NodeJS.ProcessEnv => ({ ...shared, HOST: '127.0.0.1', WEB_PORT: String(webPorts[i]) })

  // The first CMS applies migrations alone; the others start on a migrated database.
  await instance('cms-1', CMS_ENTRY, cmsEnv(0), cmsPorts[0]!, '/readyz')
  balancer = await startNginx({ webPort: cluster.CLUSTER_WEB_PORT, webUpstreams: webPorts, cmsPort: cluster.CLUSTER_CMS_PORT, cmsUpstreams: cmsPorts })
  console.log(`[cluster] nginx on :${cluster.CLUSTER_WEB_PORT} (readers) and :${cluster.CLUSTER_CMS_PORT} (CMS) (pid ${balancer.child.pid})`)
  const seedExit = await runAgainIfStalled('seed/index.ts', ['--if-empty', '--publish'], { ...cmsEnv(0), JOBS_AUTORUN: 'false' })
  if (seedExit !== 0) console.error(`[cluster] seeding the bundled article failed (exit ${seedExit}); the site may be empty`)
  for (let i = 1; i < INSTANCES; i++) await instance(`cms-${i + 1}`, CMS_ENTRY, cmsEnv(i), cmsPorts[i]!, '/readyz')
  await Promise.all(webPorts.map((port, i) => instance(`web-${i + 1}`, WEB_ENTRY, webEnv(i), port, '/robots.txt')))
  await waitForOk(`http://127.0.0.1:${cluster.CLUSTER_WEB_PORT}/robots.txt`, READY_MS)
  console.log(`[cluster] ready: reader site ${cms.WEB_URL}   CMS admin ${cms.CMS_URL}/admin   (${INSTANCES} of each behind nginx)`)
  const notice = await firstAdminNotice(`http://127.0.0.1:${cluster.CLUSTER_CMS_PORT}`, cms, 'cluster')
  if (notice) console.log(notice)
}

main().catch((err: unknown) => {
  console.error(`[cluster] ${err instanceof Error ? err.message : String(err)}`)
  void stopAll(1)
})
