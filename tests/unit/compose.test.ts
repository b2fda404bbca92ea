/**
 * docker-compose.yml cannot be started here (no Docker engine), but Debian's docker-compose
 * validates it offline. .ci/run installs it; on a machine without it the check says it was skipped.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { heapFlags, repoRoot } from '../../src/env'

const hasCompose = spawnSync('docker-compose', ['--version']).status === 0
if (!hasCompose) console.log('[compose] SKIPPED: docker-compose is not installed (apt-get install -y docker-compose)')

describe.runIf(hasCompose)('docker-compose.yml', () => {
  const config = (extraEnv: Record<string, string> = {}) =>
    spawnSync('docker-compose', ['-f', path.join(repoRoot, 'docker-compose.yml'), 'config'], { encoding: 'utf8', env: { ...process.env, PAYLOAD_SECRET: '', ...extraEnv } })

  it('is a valid compose file', () => {
    const result = config()
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  it('runs MongoDB as a replica set with a healthcheck and a named volume, and gives secrets no defaults', () => {
    const out = config().stdout
    expect(out).toContain('--replSet')
    expect(out).toMatch(/healthcheck:/)
    expect(out).toMatch(/mongo-data:/)
    expect(out).toMatch(/condition: service_healthy/)
    expect(out).toMatch(/PAYLOAD_SECRET: ''/)
    const secret = 'a'.repeat(40)
    expect(config({ PAYLOAD_SECRET: secret }).stdout).toContain(`PAYLOAD_SECRET: ${secret}`)
    expect(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')).toContain('DEPLOYMENT: "1"')
  })

  it('builds the apps from the Dockerfile, puts nginx in front, and runs scheduled jobs in one service only', () => {
    const out = config().stdout
    expect(out).toMatch(/build:\s*\n\s*context: /)
    expect(out).not.toMatch(/- \.:\/app/) // no source tree mounted into a container
    expect(out).toContain('/etc/nginx/nginx.conf')
    expect(out).toMatch(/JOBS_AUTORUN: "false"/)
    expect(out.match(/JOBS_AUTORUN: "true"/g)).toHaveLength(1)
    expect(out).toMatch(/\n {2}nginx:\n/)
    expect(fs.existsSync(path.join(repoRoot, 'Dockerfile'))).toBe(true)
    expect(fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8')).toMatch(/^USER node$/m)
  })
})

describe('the image', () => {
  it("starts the CMS with the heap settings every other launcher gives it", () => {
    const cmd = /^CMD exec node (.*) --import tsx apps\/cms\/server\.ts$/m.exec(fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'))
    expect(cmd?.[1]?.split(' ')).toEqual(heapFlags('cms', {}).map((flag) => flag.replace('=512', '=${CMS_HEAP_MB:-512}')))
  })
})
