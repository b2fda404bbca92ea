/**
 * A command line tool whose start never finishes fails instead of hanging: it exits with the
 * "run it again" status and one error line, and the callers that start it (npm start, the test
 * stack) run it once more.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAgainIfStalled, STALLED_EXIT_CODE, StartupStalled, withinStartup } from '../../../scripts/lib/startup'
import { repoRoot } from '../../../src/env'

const CLI = 'tests/fixtures/stallingCli.ts'

describe('withinStartup', () => {
  it('passes on what the start resolves to', async () => {
    expect(await withinStartup(Promise.resolve('payload'), 1_000)).toBe('payload')
  })

  it('fails a start that never settles, saying nothing was written', async () => {
    const stalled = withinStartup(new Promise<never>(() => undefined), 50)
    await expect(stalled).rejects.toBeInstanceOf(StartupStalled)
    await expect(stalled).rejects.toThrow('did not finish within 0.05 s; nothing was written, run it again')
  })
})

describe('a command line tool whose start stalls', () => {
  it('exits with the run-it-again status and one error line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', CLI], { cwd: repoRoot, encoding: 'utf8' })
    expect(run.status).toBe(STALLED_EXIT_CODE)
    expect(run.stderr.trim()).toBe('error: loading the CMS modules and starting Payload did not finish within 0.2 s; nothing was written, run it again')
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
