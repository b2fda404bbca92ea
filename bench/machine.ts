/** What the numbers were measured on: they mean little without it. */
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { heapFlags, repoRoot } from '../src/env'

export interface MachineInfo {
  cores: number
  cpuModel: string
  memoryGb: number
  node: string
  os: string
  commit: string
  /** The servers' V8 heap bounds the bench started them with. */
  heapBounds: string
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== ''
    return dirty ? `${head} + uncommitted changes` : head
  } catch {
    return 'unknown'
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus()
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: commit(),
    heapBounds: `cms ${heapFlags('cms', process.env).join(' ')}, web ${heapFlags('web', process.env).join(' ')}`,
  }
}

/** 1, 5 and 15 minute load averages, e.g. "0.52 0.61 0.70": anything near the core count means a busy machine. */
export const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(' ')
