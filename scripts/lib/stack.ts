/**
 * Real servers for the integration and end-to-end tests and the benchmarks: the production builds of both apps, each in
 * its own process on a free port, against a fresh database in a temp folder (or MongoDB when the
 * MongoDB lane is on). Nothing is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { repoRoot } from '../../src/env'
import { freePort } from './ports'
import { CMS_ENTRY, hasExited, nodeArgs, stopChild, WEB_ENTRY } from './processes'
import { STALLED_EXIT_CODE } from './startup'

/** Environment for a child process (NodeJS.ProcessEnv insists on NODE_ENV, which Next's types make required). */
export type EnvVars = Record<string, string | undefined>
// Next's type augmentation makes NODE_ENV required on ProcessEnv; every env built here sets it.
const asProcessEnv = (env: EnvVars) => env as NodeJS.ProcessEnv

export const TEST_SECRETS = {
  PAYLOAD_SECRET: 'test-payload-secret-0123456789abcdef0123456789',
  REVALIDATE_SECRET: 'test-revalidate-secret-0123456789abcdef01234',
  PREVIEW_SECRET: 'test-preview-secret-0123456789abcdef0123456789',
}

export type Running = { url: string; port: number; child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> }

export type Stack = {
  dataDir: string
  env: EnvVars
  cms: Running
  web?: Running
  stop: () => Promise<void>
}

/** The database for one test file: a fresh SQLite file, or a fresh MongoDB database in the MongoDB lane. */
export function databaseEnv(dataDir: string): EnvVars {
  const mongo = process.env.TEST_MONGODB_URL
  if (!mongo) return { DATABASE_URL: `file:${path.join(dataDir, 'test.db')}` }
  const url = new URL(mongo)
  url.pathname = `/tripsitter_test_${path.basename(dataDir).replace(/[^a-zA-Z0-9]/g, '')}`
  return { DATABASE_URL: url.toString() }
}

export async function baseEnv(extra: EnvVars = {}): Promise<{ dataDir: string; env: EnvVars; cmsPort: number; webPort: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tripsitter-test-'))
  const [cmsPort, webPort] = [await freePort(), await freePort()]
  const env: EnvVars = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: '1',
    DATA_DIR: dataDir,
    ...databaseEnv(dataDir),
    ...TEST_SECRETS,
    CMS_PORT: String(cmsPort),
    WEB_PORT: String(webPort),
    HOST: '127.0.0.1',
    CMS_URL: `http://127.0.0.1:${cmsPort}`,
    WEB_URL: `http://127.0.0.1:${webPort}`,
    JOBS_AUTORUN: 'false',
    // Tests fire many requests from one address; rate-limit tests lower these explicitly.
    RATE_LIMIT_API_MAX: '100000',
    RATE_LIMIT_LOGIN_MAX: '1000',
    PAGE_CACHE_MISSES_PER_MINUTE: '100000',
    ...extra,
  }
  return { dataDir, env, cmsPort, webPort }
}

function spawnServer(entry: string, env: EnvVars): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, nodeArgs(entry, env), { cwd: repoRoot, env: asProcessEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  return { child, output: () => out }
}

/**
 * Polls `url` until it answers 2xx. The deadline is generous on purpose: a server that is up returns
 * at once, and one production start (Payload's first init and migrations) took over 90 s with the
 * machine's two cores shared by a CPU burner and several other test runs.
 */
export async function waitFor(url: string, child: ChildProcess, output: () => string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`server exited with ${child.exitCode ?? child.signalCode} before ${url} was ready:\n${output()}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms:\n${output()}`)
}

function stopper(child: ChildProcess) {
  return (signal: NodeJS.Signals = 'SIGTERM') => stopChild(child, signal)
}

/** A `next build` in progress (scripts/build.ts holds this lock) replaces .next under a starting server: wait for it. */
async function waitForBuilds(): Promise<void> {
  const lock = path.join(repoRoot, 'data', '.build.lock')
  for (let waited = 0; fs.existsSync(lock) && waited < 300_000; waited += 500) await new Promise((r) => setTimeout(r, 500))
}

/** A server that never came up must not outlive the test run that started it. */
const killAndThrow = (child: ChildProcess) => (err: unknown): never => {
  child.kill('SIGKILL')
  throw err
}

/** `url`: where to reach it, when that is not the public CMS_URL (an https URL behind a TLS proxy). */
export async function startCms(env: EnvVars, url = env.CMS_URL!): Promise<Running> {
  await waitForBuilds()
  const { child, output } = spawnServer(CMS_ENTRY, env)
  await waitFor(`${url}/readyz`, child, output).catch(killAndThrow(child))
  return { url, port: Number(env.CMS_PORT), child, output, stop: stopper(child) }
}

export async function startWeb(env: EnvVars): Promise<Running> {
  await waitForBuilds()
  const { child, output } = spawnServer(WEB_ENTRY, env)
  const url = env.WEB_URL!
  await waitFor(`${url}/robots.txt`, child, output).catch(killAndThrow(child))
  return { url, port: Number(env.WEB_PORT), child, output, stop: stopper(child) }
}

/** Run the seed CLI against the stack's database, as `npm run seed` would. */
export function runSeed(env: EnvVars, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runScript('seed/index.ts', env, args)
}

/**
 * A CLI that has not exited by then is stuck, not slow: the seed of the bundled document takes
 * about 10 s on 2 cores shared with a CPU burner and other test servers.
 */
export const SCRIPT_DEADLINE_MS = 240_000

/**
 * Run a CLI entry point (path from the repository root) against the stack's database. One that
 * outlives `deadlineMs` is killed and comes back with code null and a line saying so after its
 * output, so a hang fails the caller with what the CLI printed instead of a silent hook timeout.
 */
export async function runScript(script: string, env: EnvVars, args: string[] = [], deadlineMs = SCRIPT_DEADLINE_MS): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const first = await runScriptOnce(script, env, args, deadlineMs)
  if (first.code !== STALLED_EXIT_CODE) return first
  // A stalled start wrote nothing (scripts/lib/startup.ts): run it again, as npm start does.
  const again = await runScriptOnce(script, env, args, deadlineMs)
  return { ...again, stdout: first.stdout + again.stdout, stderr: `${first.stderr}[${script}] its start stalled; ran it again\n${again.stderr}` }
}

function runScriptOnce(script: string, env: EnvVars, args: string[], deadlineMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, script), ...args], { cwd: repoRoot, env: asProcessEnv(env), stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (b: Buffer) => (stdout += b))
    child.stderr.on('data', (b: Buffer) => (stderr += b))
    const deadline = setTimeout(() => {
      stderr += `\n[${script}] still running after ${deadlineMs / 1000} s; killed (SIGKILL)\n`
      child.kill('SIGKILL')
    }, deadlineMs)
    child.on('exit', (code) => {
      clearTimeout(deadline)
      resolve({ code, stdout, stderr })
    })
  })
}

/** CMS (and optionally the reader site) on fresh ports and a fresh database. */
export async function startStack({ web = false, env: extra = {} }: { web?: boolean; env?: EnvVars } = {}): Promise<Stack> {
  const { dataDir, env } = await baseEnv(extra)
  const cms = await startCms(env)
  const webServer = web ? await startWeb(env) : undefined
  return {
    dataDir,
    env,
    cms,
    web: webServer,
    stop: async () => {
      await Promise.all([cms.stop(), webServer?.stop()])
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
