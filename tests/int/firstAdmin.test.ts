/**
 * The first admin of a deployment (DEPLOYMENT=1): the admin's sign-up is closed to visitors; the
 * operator creates the admin with `npm run admin:create` (password on stdin, never in argv) or
 * opens the sign-up with the setup token `npm start` prints. Locally the sign-up stays open (every
 * other server test creates its admin that way).
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../../src/env'
import { startStack, type Stack } from '../../scripts/lib/stack'
import { json, login } from '../../scripts/lib/restApi'
import { launchChromium } from '../helpers/chromium'

const SETUP_TOKEN = 'setup-token-for-tests-0123456789abcdefghij'
let stack: Stack
let cms: string

beforeAll(async () => {
  stack = await startStack({ env: { DEPLOYMENT: '1', SETUP_TOKEN } })
  cms = stack.cms.url
})
afterAll(() => stack?.stop())

const initialized = async () => (await json<{ initialized: boolean }>(await fetch(`${cms}/api/users/init`))).initialized
const signUp = (headers: Record<string, string> = {}, email = 'visitor@example.com') =>
  fetch(`${cms}/api/users/first-register`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password: 'visitor-password-123', name: 'Visitor' }) })

/** `npm run admin:create` as its own process, with `stdin` piped in. */
function adminCreate(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/adminCreate.ts'), ...args], { cwd: repoRoot, env: stack.env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (b: Buffer) => (stdout += b))
    child.stderr.on('data', (b: Buffer) => (stderr += b))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

describe('with DEPLOYMENT=1 and no users', () => {
  it('refuses the first-register API and the sign-up page to a visitor', async () => {
    expect(await initialized()).toBe(false)
    const res = await signUp()
    expect(res.status).toBe(403)
    expect((await json<{ errors: { message: string }[] }>(res)).errors[0]!.message).toContain('npm run admin:create -- --email <address>')
    expect((await signUp({ 'x-setup-token': 'wrong-token-wrong-token-wrong-token-0000' })).status).toBe(403)
    const page = await fetch(`${cms}/admin/create-first-user`, { redirect: 'manual' })
    expect(page.status).toBe(403)
    expect(await page.text()).toContain('Sign-up closed')
    expect((await fetch(`${cms}/admin/create-first-user?setupToken=nope`, { redirect: 'manual' })).status).toBe(403)
    expect(await initialized()).toBe(false)
  })

  it('admin:create never takes a password from argv, and refuses a short one, writing nothing', async () => {
    const argv = await adminCreate(['--email', 'ops@example.com', '--password', 'in-the-shell-history'], '')
    expect(argv.code).toBe(1)
    expect(argv.stderr).toContain('error: the password is never taken from the command line')
    const short = await adminCreate(['--email', 'ops@example.com'], 'short\n')
    expect(short.code).toBe(1)
    expect(short.stderr).toContain('error: the password must be at least 12 characters')
    const noEmail = await adminCreate([], 'long-enough-password\n')
    expect(noEmail.stderr).toContain('error: --email is required')
    expect(await initialized()).toBe(false)
  })

  it('admin:create reads the password from stdin and creates an admin who can sign in', { timeout: 90_000 }, async () => {
    const run = await adminCreate(['--email', 'ops@example.com', '--name', 'Operator'], 'operator-password-123\n')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('created admin ops@example.com')
    expect(await initialized()).toBe(true)
    const session = await login(cms, 'ops@example.com', 'operator-password-123')
    expect(session.user.role).toBe('admin')
    // Once an admin exists, Payload itself refuses any further first-register.
    expect((await signUp({ 'x-setup-token': SETUP_TOKEN })).ok).toBe(false)
  })
})

describe('the setup token', () => {
  it('opens the sign-up page and first-register on an empty database', { timeout: 90_000 }, async () => {
    const fresh = await startStack({ env: { DEPLOYMENT: '1', SETUP_TOKEN } })
    try {
      const page = await fetch(`${fresh.cms.url}/admin/create-first-user?setupToken=${SETUP_TOKEN}`, { redirect: 'manual' })
      expect(page.status).toBe(200)
      const cookie = page.headers.get('set-cookie')!
      expect(cookie).toMatch(/^tripsitter-setup-token=[^;]+; Path=\/; HttpOnly; SameSite=Strict/)
      // The form asks only for the account: the first user is always an admin (no role to choose),
      // and nothing about API keys.
      const browser = await launchChromium()
      try {
        const context = await browser.newContext()
        await context.addCookies([{ name: 'tripsitter-setup-token', value: cookie.split(';')[0]!.split('=')[1]!, url: fresh.cms.url }])
        const form = await context.newPage()
        await form.goto(`${fresh.cms.url}/admin/create-first-user`, { timeout: 60_000 })
        await form.locator('#field-email').waitFor({ timeout: 60_000 })
        expect(await form.locator('#field-role').count()).toBe(0)
        expect(await form.locator('form').innerText()).not.toMatch(/API key|Role/i)
      } finally {
        await browser.close()
      }
      // The admin's own form posts with that cookie.
      const res = await fetch(`${fresh.cms.url}/api/users/first-register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! },
        body: JSON.stringify({ email: 'owner@example.com', password: 'owner-password-123', name: 'Owner' }),
      })
      expect(res.status).toBe(200)
      expect((await login(fresh.cms.url, 'owner@example.com', 'owner-password-123')).user.role).toBe('admin')
    } finally {
      await fresh.stop()
    }
  })
})
