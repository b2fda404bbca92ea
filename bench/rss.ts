/**
 * Peak resident memory of server processes while a scenario runs, read from /proc every 200 ms.
 *
 * A server's figure is its whole process tree (the pid and every descendant): Next may start
 * helper processes, and memory they hold is memory the server costs. On a system without /proc
 * (not Linux) the figures are simply absent.
 */
import fs from 'node:fs'

const SAMPLE_MS = 200

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) : 0
  } catch {
    return 0 // exited between listing and reading
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = []
  let tasks: string[]
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`)
  } catch {
    return out
  }
  for (const tid of tasks) {
    try {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) if (child) out.push(Number(child))
    } catch {
      // thread ended
    }
  }
  return out
}

/** Resident memory of `pid` and all its descendants, in MB. */
export function treeRssMb(pid: number): number {
  let kb = 0
  const pending = [pid]
  const seen = new Set<number>()
  while (pending.length) {
    const next = pending.pop()!
    if (seen.has(next)) continue
    seen.add(next)
    kb += rssKb(next)
    pending.push(...childrenOf(next))
  }
  return kb / 1024
}

export type RssPeaks = Record<string, number>

/** Start sampling; `stop()` returns each named process tree's peak in MB. */
export function sampleRss(pids: Record<string, number>): { stop: () => RssPeaks } {
  const peaks: RssPeaks = Object.fromEntries(Object.keys(pids).map((name) => [name, 0]))
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) peaks[name] = Math.max(peaks[name] ?? 0, treeRssMb(pid))
  }
  sample()
  const timer = setInterval(sample, SAMPLE_MS)
  return {
    stop: () => {
      clearInterval(timer)
      sample()
      return peaks
    },
  }
}
