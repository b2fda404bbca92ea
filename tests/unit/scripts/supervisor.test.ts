/**
 * The supervisor behind `npm start` with real child processes: a child that dies is restarted with
 * a growing backoff and each exit is logged with its code or signal; one that keeps dying is given
 * up on, once, with a message that says so; stop() ends restarting.
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { supervise } from '../../../scripts/lib/supervisor'

const node = (code: string) => () => spawn(process.execPath, ['-e', code], { stdio: 'ignore' })

describe('supervise', () => {
  it('restarts a crashing child with backoff, then gives up after maxCrashes in the window', async () => {
    const lines: string[] = []
    const gaveUp = await new Promise<string>((resolve) => {
      supervise({ name: 'crasher', spawn: node('process.exit(3)'), ready: async () => undefined, maxCrashes: 3, windowMs: 60_000, baseBackoffMs: 20, log: (l) => lines.push(l), onGiveUp: resolve })
    })
    expect(gaveUp).toBe('crasher stopped 3 times within 60 s (last: exit code 3); not restarting it again. See its output above for the cause.')
    const restarts = lines.filter((l) => l.includes('restarting in'))
    expect(restarts.map((l) => /stopped unexpectedly: (.*); restarting in (\d+) ms \((\d) of 3/.exec(l)!.slice(1))).toEqual([
      ['exit code 3', '0', '1'],
      ['exit code 3', '20', '2'],
    ])
    expect(lines.filter((l) => /\[start\] crasher pid \d+/.test(l))).toHaveLength(3)
  })

  it('logs the signal of a killed child and brings it back', async () => {
    const lines: string[] = []
    const s = supervise({ name: 'server', spawn: node('setInterval(() => {}, 1000)'), ready: async () => undefined, log: (l) => lines.push(l), onGiveUp: () => undefined })
    const first = s.child
    first.kill('SIGKILL')
    while (s.child === first) await new Promise((r) => setTimeout(r, 20))
    expect(lines.some((l) => l.includes(`server (pid ${first.pid}) stopped unexpectedly: killed by SIGKILL; restarting in 0 ms`))).toBe(true)
    const second = s.child
    await s.stop()
    expect(second.signalCode).toBe('SIGTERM')
    await new Promise((r) => setTimeout(r, 100))
    expect(s.child).toBe(second) // stopped on purpose: not restarted
  })
})
