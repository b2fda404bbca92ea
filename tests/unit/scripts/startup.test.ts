/**
 * A command line tool whose start never finishes fails instead of hanging: it exits with the
 * "run it again" status and one error line, and the callers that start it (npm start, the test
 * stack) run it once more.
 */
import { spawnSync } from 'node:child_process'
import net from 'node:net'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAgainIfStalled, STALLED_EXIT_CODE, StartupStalled, withinStartup } from '../../../scripts/lib/startup'
import { repoRoot } from '../../../src/env'

const CLI = 'tests/fixtures/stallingCli.ts'

describe('withinStartup', () => {
  const quick = { windowMs: 300, everyMs: 50, cpuMs: 20 }

  it('passes on what the start resolves to', async () => {
    expect(await withinStartup(Promise.resolve('payload'), quick)).toBe('payload')
  })

  it('fails a start that sits idle for the whole window, saying nothing was written', async () => {
    const stalled = withinStartup(new Promise<never>(() => undefined), quick)
    await expect(stalled).rejects.toBeInstanceOf(StartupStalled)
    await expect(stalled).rejects.toThrow(/^loading the CMS modules and starting Payload stalled \(\d+ ms of CPU in the last 0 s\); nothing was written, run it again$/)
  })

  it('lets a slow start that keeps working run past the window', async () => {
    // Busy for three windows in short slices, as a start on a crowded machine is.
    const slow = new Promise<string>((resolve) => {
      const until = Date.now() + 900
      const slice = () => {
        const end = Date.now() + 20
        while (Date.now() < end) Math.sqrt(Math.random())
        if (Date.now() < until) setTimeout(slice, 5)
        else resolve('started')
      }
      slice()
    })
    expect(await withinStartup(slow, quick)).toBe('started')
  })

  it('lets a start that waits on I/O (a database being reached) run past the window', async () => {
    const server = net.createServer(() => undefined).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const { port } = server.address() as net.AddressInfo
    const socket = net.connect(port, '127.0.0.1')
    try {
      const waiting = new Promise<string>((resolve) => setTimeout(() => resolve('connected'), 700))
      expect(await withinStartup(waiting, quick)).toBe('connected')
    } finally {
      socket.destroy()
      server.close()
    }
  })
})

describe('a command line tool whose start stalls', () => {
  it('exits with the run-it-again status and one error line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', CLI], { cwd: repoRoot, encoding: 'utf8' })
    expect(run.status).toBe(STALLED_EXIT_CODE)
    expect(run.stderr.trim()).toMatch(/^error: loading the CMS modules and starting Payload stalled \(\d+ ms of CPU in the last 0 s\); nothing was written, run it again$/)
  })

  it('is run once more by runAgainIfStalled, which then has its real exit status', async () => {
    const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stall-')), 'started')
    try {
      expect(await runAgainIfStalled(CLI, [marker], process.env)).toBe(0)
      expect(fs.existsSync(marker)).toBe(true)
    } finally {
      fs.rmSync(path.dirname(marker), { recursive: true, force: true })
    }
  })
})
