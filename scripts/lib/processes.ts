import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { heapFlags, repoRoot, type EnvSource } from '../../src/env'

export const CMS_ENTRY = 'apps/cms/server.ts'
export const WEB_ENTRY = 'apps/web/server.ts'

/** Node's arguments for a TypeScript entry point: the tsx loader, and a server's heap settings. */
export function nodeArgs(entry: string, env: EnvSource): string[] {
  const heap = entry === CMS_ENTRY ? heapFlags('cms', env) : entry === WEB_ENTRY ? heapFlags('web', env) : []
  return [...heap, '--import', 'tsx', path.join(repoRoot, entry)]
}

/** Run a TypeScript entry point with the tsx loader in a child process, output prefixed by the child. */
export function runTs(entry: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...nodeArgs(entry, env), ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
}

/** Whether the child has ended: a child killed by a signal keeps exitCode null, and its 'exit' has already fired. */
export const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null

export const exitOf = (child: ChildProcess): Promise<number> =>
  hasExited(child)
    ? Promise.resolve(child.exitCode ?? 1)
    : new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))

/**
 * Stop a child with `signal`, then SIGKILL if it is still running after `graceMs`; resolves with its
 * exit code once it has exited (at once for one that already has: its 'exit' will not fire again).
 */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 12_000): Promise<number | null> {
  if (hasExited(child)) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', (code) => {
      clearTimeout(kill)
      resolve(code)
    })
    child.kill(signal)
  })
}

/** Whether the process (or, for a negative id, the process group) still exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Poll a URL until it answers 200, or fail after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && hasExited(child)) throw new Error(`${url}: the server exited (${child.exitCode ?? child.signalCode}) before it was ready`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`)
}
