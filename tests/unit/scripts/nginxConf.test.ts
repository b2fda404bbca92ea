/**
 * The nginx configuration `npm run cluster` writes: accepted by the real nginx (`nginx -t`), and
 * routing as the cluster needs: every instance in its upstream, failed requests retried on the
 * next instance, no "temporarily disabled" state that would turn one failure into 502s for everyone.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nginxBinary, nginxConf } from '../../../scripts/lib/nginx'

const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'tripsitter-nginx-test-'))
const spec = { webPort: 18080, webUpstreams: [4101, 4102], cmsPort: 18081, cmsUpstreams: [4201, 4202] }
const conf = nginxConf(spec, prefix)

afterAll(() => fs.rmSync(prefix, { recursive: true, force: true }))

describe('the cluster nginx config', () => {
  it('is accepted by nginx -t', () => {
    const file = path.join(prefix, 'nginx.conf')
    fs.writeFileSync(file, conf)
    const check = spawnSync(nginxBinary(), ['-t', '-p', prefix, '-c', file, '-e', 'stderr'], { encoding: 'utf8' })
    expect(check.status, check.stderr).toBe(0)
  })

  it('balances over every instance, listens where asked and retries failures on the next instance', () => {
    for (const port of [...spec.webUpstreams, ...spec.cmsUpstreams]) expect(conf).toContain(`server 127.0.0.1:${port} max_fails=0;`)
    expect(conf).toMatch(/upstream web \{[^}]*127\.0\.0\.1:4101[^}]*127\.0\.0\.1:4102/)
    expect(conf).toMatch(/upstream cms \{[^}]*127\.0\.0\.1:4201[^}]*127\.0\.0\.1:4202/)
    expect(conf).toContain('server { listen 18080; location / { proxy_pass http://web; } }')
    expect(conf).toContain('server { listen 18081; location / { proxy_pass http://cms; } }')
    expect(conf).toContain('proxy_next_upstream error timeout http_502 http_503;')
    expect(conf).not.toMatch(/fail_timeout/)
  })
})
