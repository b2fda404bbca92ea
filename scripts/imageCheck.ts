/**
 * `npm run image:check`: the Dockerfile's runtime stage, assembled and started without Docker, for
 * machines that cannot run it (CI among them). It reads the runtime stage's COPY lines from the
 * Dockerfile (so it follows the file rather than a copy of it), copies those paths from this
 * checkout after a build into a scratch folder, installs production dependencies only
 * (`npm ci --omit=dev`, as the image does), removes the build caches, then starts the CMS and the
 * reader site from there as the image would (DEPLOYMENT=1, explicit secrets, the CMS's heap flag)
 * until `/readyz`, `/api/articles` and `/robots.txt` answer 200. Exit 1 when anything fails.
 *
 * Not checked here: the non-root user and the HEALTHCHECK (Docker features; the unit suite reads
 * the Dockerfile for them).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { heapFlags, repoRoot } from '../src/env'
import { buildIfStale } from './build'
import { freePort } from './lib/ports'
import { CMS_ENTRY, stopChild, waitForOk, WEB_ENTRY } from './lib/processes'

/** A registry that stalls must fail the check, not hold CI until its own deadline. */
const INSTALL_MS = 10 * 60_000

/** The runtime stage's COPY lines as [source paths in the checkout, destination in the image]. */
function runtimeCopies(dockerfile: string): [string[], string][] {
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n')
  const start = lines.findIndex((l) => /^FROM\s+\S+\s+AS\s+runtime\b/i.test(l))
  if (start < 0) throw new Error('Dockerfile: no "FROM ... AS runtime" stage')
  const copies: [string[], string][] = []
  for (const line of lines.slice(start + 1)) {
    if (/^FROM\s/i.test(line)) break
    const m = /^COPY\s+(.*)$/i.exec(line.trim())
    if (!m) continue
    const words = m[1]!.split(/\s+/).filter((w) => !w.startsWith('--'))
    const dest = words.pop()!
    // `--from=build /app/x` is x in the checkout: the build stage is the checkout, built.
    copies.push([words.map((w) => w.replace(/^\/app\//, '')), dest])
  }
  return copies
}

function assemble(into: string): void {
  for (const [sources, dest] of runtimeCopies(fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'))) {
    for (const source of sources) {
      const target = dest.endsWith('/') ? path.join(into, dest, path.basename(source)) : path.join(into, dest)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      // Dependencies come from the npm ci below, as in the image (.dockerignore), never from this
      // checkout; the builds' own links to them (.next/node_modules) are kept, relative as they are.
      fs.cpSync(path.join(repoRoot, source), target, { recursive: true, verbatimSymlinks: true, filter: (src) => !/^(apps\/[^/]+\/)?node_modules$/.test(path.relative(repoRoot, src)) })
    }
  }
  const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: into, stdio: 'inherit', timeout: INSTALL_MS })
  if (install.error || install.status !== 0) throw new Error(`npm ci --omit=dev failed (${install.signal ? `stopped by ${install.signal} after ${INSTALL_MS / 60_000} minutes at most` : install.error?.message ?? `exit ${install.status}`})`)
  for (const app of ['cms', 'web']) fs.rmSync(path.join(into, 'apps', app, '.next', 'cache'), { recursive: true, force: true })
}

function start(dir: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'] })
}

async function main(): Promise<void> {
  buildIfStale('cms')
  buildIfStale('web')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tripsitter-image-'))
  const children: ChildProcess[] = []
  try {
    console.log(`[image:check] assembling the runtime stage in ${dir}`)
    assemble(dir)
    // The lockfile marks what only development needs ("dev": true); none of it may be in the image.
    const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> }
    const devOnly = Object.entries(lock.packages).filter(([where, p]) => p.dev && where && fs.existsSync(path.join(dir, where)))
    if (devOnly.length) throw new Error(`dev dependencies in the runtime: ${devOnly.map(([where]) => where).slice(0, 10).join(', ')}`)
    console.log(`[image:check] production dependencies only: none of the lockfile's ${Object.values(lock.packages).filter((p) => p.dev).length} development packages installed`)
    const [cmsPort, webPort] = [await freePort(), await freePort()]
    const secret = () => crypto.randomBytes(32).toString('base64url')
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DEPLOYMENT: '1',
      DATA_DIR: path.join(dir, 'data'),
      HOST: '127.0.0.1',
      CMS_PORT: String(cmsPort),
      WEB_PORT: String(webPort),
      CMS_URL: `http://127.0.0.1:${cmsPort}`,
      WEB_URL: `http://127.0.0.1:${webPort}`,
      PAYLOAD_SECRET: secret(),
      REVALIDATE_SECRET: secret(),
      PREVIEW_SECRET: secret(),
    }
    const cms = start(dir, [...heapFlags('cms', env), '--import', 'tsx', CMS_ENTRY], env)
    children.push(cms)
    await waitForOk(`${env.CMS_URL}/readyz`, 180_000, cms)
    await waitForOk(`${env.CMS_URL}/api/articles`, 10_000, cms)
    const web = start(dir, [...heapFlags('web', env), '--import', 'tsx', WEB_ENTRY], env)
    children.push(web)
    await waitForOk(`${env.WEB_URL}/robots.txt`, 180_000, web)
    console.log('[image:check] the runtime stage starts: CMS /readyz and /api/articles, reader site /robots.txt answer 200')
  } finally {
    await Promise.all(children.map((child) => stopChild(child)))
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(`[image:check] ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
