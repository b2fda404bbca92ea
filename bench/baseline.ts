/**
 * Starting the baseline server (bench/baselineServer.ts) in a child process with captured routes.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../src/env'
import type { CapturedRoute } from './capture'

export interface Baseline {
  url: string
  pid: number
  stop: () => Promise<void>
}

export async function startBaseline(routes: CapturedRoute[], workDir: string): Promise<Baseline> {
  const file = path.join(workDir, `baseline-routes-${Date.now()}.json`)
  fs.writeFileSync(file, JSON.stringify(routes))
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/baselineServer.ts'), file], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const match = /listening (\d+)/.exec(out)
      if (match) resolve(Number(match[1]))
    })
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code} before listening`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      await stopChild(child)
      fs.rmSync(file, { force: true })
    },
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(kill)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
