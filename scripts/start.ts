/**
 * `npm start`: build what is missing, run the CMS (:3000) and the reader site (:3001) as production
 * servers, and on an empty database seed and publish the bundled article so a new user sees it.
 * `npm run dev` (--dev): both apps in Next dev mode against a separate dev database.
 *
 * Each server is supervised (lib/supervisor.ts): one that dies is restarted with a backoff while the
 * other keeps serving, so readers keep the cached site while the CMS comes back. A server that keeps
 * dying makes the whole stack stop with a message. SIGTERM/SIGINT stop both within 10 s.
 */
import crypto from 'node:crypto'
import path from 'node:path'
import { parseCmsEnv, parseWebEnv, repoRoot } from '../src/env'
import { buildIfStale } from './build'
import { CMS_ENTRY, runTs, waitForOk, WEB_ENTRY } from './lib/processes'
import { stopAllOnSignals, supervise, type Supervisor } from './lib/supervisor'
import { firstAdminNotice } from './lib/firstAdminNotice'
import { loadRootEnv } from '../src/process/rootEnv'
import { runAgainIfStalled } from './lib/startup'
import { CONTENT_REVISION_PATH } from '../apps/cms/http/contentRevisionRoute'

const dev = process.argv.includes('--dev')
// The servers load the root .env themselves; the launcher needs it too, for the ports it waits on.
loadRootEnv()
const NODE_ENV = dev ? 'development' : 'production'
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV,
  NEXT_TELEMETRY_DISABLED: '1',
  DATA_DIR: process.env.DATA_DIR ?? path.join(repoRoot, 'data'),
}
// A deployment's first-admin sign-up is closed except to this token, printed below for the operator.
if (env.DEPLOYMENT === '1' && !env.SETUP_TOKEN) env.SETUP_TOKEN = crypto.randomBytes(24).toString('base64url')
// Fail here, with one clear message, rather than in two children at once.
const cms = parseCmsEnv(env)
const web = parseWebEnv(env, () => undefined)
const cmsUrl = `http://127.0.0.1:${cms.CMS_PORT}`
const webUrl = `http://127.0.0.1:${web.WEB_PORT}`

const supervisors: Supervisor[] = []
const stopAll = stopAllOnSignals('start', supervisors)

const giveUp = (reason: string) => {
  console.error(`[start] giving up: ${reason}`)
  void stopAll(1)
}

function server(name: 'cms' | 'web', entry: string, readyUrl: string, timeoutMs: number): Supervisor {
  const s = supervise({
    name,
    spawn: () => runTs(entry, dev ? ['--dev'] : [], env),
    ready: (child) => waitForOk(readyUrl, timeoutMs, child),
    onGiveUp: giveUp,
  })
  supervisors.push(s)
  return s
}

/** How long a just-ready CMS may take to read the content revision (it polls every half second). */
const REVISION_WAIT_MS = 5_000

/**
 * Whether anything was ever published here: the content revision moves with every publish, so a
 * restart skips starting a second Payload (seconds) just for the seed to find the database in use.
 * The CMS answers 503 until it has read the revision, which can be just after /readyz turns 200:
 * that is "ask again", not "empty". A revision of 0 (or no answer) leaves the decision to the
 * seed's own `--if-empty` check (drafts only, say).
 */
async function hasPublished(): Promise<boolean> {
  const deadline = Date.now() + REVISION_WAIT_MS
  for (;;) {
    try {
      const res = await fetch(`${cmsUrl}${CONTENT_REVISION_PATH}`)
      if (res.status !== 503) return res.ok && (((await res.json()) as { revision?: number }).revision ?? 0) > 0
      await res.arrayBuffer()
    } catch {
      return false
    }
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function main() {
  if (!dev) {
    buildIfStale('cms')
    buildIfStale('web')
  }
  const cmsServer = server('cms', CMS_ENTRY, `${cmsUrl}/readyz`, dev ? 180_000 : 120_000)
  // The reader site needs the CMS only to fill its pages, not to start: both start at once.
  const webServer = server('web', WEB_ENTRY, `${webUrl}/robots.txt`, 120_000)
  // A server that cannot start at all is a configuration problem: say so and stop, do not retry.
  await waitForOk(`${cmsUrl}/readyz`, dev ? 180_000 : 120_000, cmsServer.child)

  if (await hasPublished()) console.log('[start] the database has published content: not seeding')
  else {
    const seedExit = await runAgainIfStalled('seed/index.ts', ['--if-empty', '--publish'], { ...env, JOBS_AUTORUN: 'false' })
    if (seedExit !== 0) console.error(`[start] seeding the bundled article failed (exit ${seedExit}); the CMS is up, the site may be empty`)
  }

  await waitForOk(`${webUrl}/robots.txt`, 120_000, webServer.child)
  console.log(`[start] CMS admin: ${cms.CMS_URL}/admin   API docs: ${cms.CMS_URL}/api/docs   reader site: ${web.WEB_URL}`)
  const notice = await firstAdminNotice(cmsUrl, cms)
  if (notice) console.log(notice)
}

main().catch((err: unknown) => {
  console.error(`[start] ${err instanceof Error ? err.message : String(err)}`)
  void stopAll(1)
})
