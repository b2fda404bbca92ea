/**
 * Build what is missing or stale: each Next app is rebuilt only when its inputs changed since its
 * last build (a hash stored beside the build), so `npm start` and `npm test` are fast when nothing
 * changed and never serve an old build after a pull.
 *   tsx scripts/build.ts [cms|web ...] [--force]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../src/env'
import { inputsHash } from './lib/inputsHash'
import { isAlive } from './lib/processes'

const SHARED_INPUTS = ['package-lock.json', 'tsconfig.json', 'src', 'collections', 'payload.config.ts']
const APPS = {
  cms: [...SHARED_INPUTS, 'apps/cms'],
  // The reader site never imports the Payload config or collections; it only needs src/ (client, schemas).
  web: ['package-lock.json', 'tsconfig.json', 'src', 'apps/web'],
} as const
type AppName = keyof typeof APPS

/**
 * One build at a time per checkout: two `next build`s writing one .next folder corrupt it (tests and
 * `npm start` may both ask for a build). mkdir is atomic; a lock whose owner died is taken over.
 */
function withBuildLock<T>(fn: () => T): T {
  const lock = path.join(repoRoot, 'data', '.build.lock')
  fs.mkdirSync(path.dirname(lock), { recursive: true })
  for (;;) {
    try {
      fs.mkdirSync(lock)
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid))
      break
    } catch {
      const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0)
      if (owner && !isAlive(owner)) fs.rmSync(lock, { recursive: true, force: true })
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    }
  }
  try {
    return fn()
  } finally {
    fs.rmSync(lock, { recursive: true, force: true })
  }
}

export function buildIfStale(app: AppName, force = false): void {
  withBuildLock(() => buildUnlocked(app, force))
}

function buildUnlocked(app: AppName, force: boolean): void {
  const dir = path.join(repoRoot, 'apps', app)
  const stamp = path.join(dir, '.next', 'tripsitter-inputs.sha256')
  const hash = inputsHash(repoRoot, [...APPS[app]])
  const built = fs.existsSync(path.join(dir, '.next', 'BUILD_ID')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash
  if (built && !force) {
    console.log(`[build] ${app}: up to date`)
    return
  }
  console.log(`[build] ${app}: building (next build apps/${app})...`)
  const started = Date.now()
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/next/dist/bin/next'), 'build', dir], {
    cwd: repoRoot,
    stdio: 'inherit',
    // Builds must not create or touch the real database or secrets: give them a scratch data dir.
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: path.join(repoRoot, 'data', '.build') },
  })
  if (result.status !== 0) throw new Error(`[build] ${app}: next build failed (exit ${result.status})`)
  fs.writeFileSync(stamp, hash)
  console.log(`[build] ${app}: built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
if (isMain) {
  const args = process.argv.slice(2)
  const force = args.includes('--force')
  const named = args.filter((a): a is AppName => a in APPS)
  for (const app of named.length ? named : (Object.keys(APPS) as AppName[])) buildIfStale(app, force)
}
