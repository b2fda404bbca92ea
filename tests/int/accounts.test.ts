/**
 * Account flows over real HTTP: a forgotten password is reset end to end on SQLite (the email is
 * written to the CMS log when no mail server is configured, and sent to a real SMTP server when
 * SMTP_URL names one), an unknown address gets exactly the
 * same answer as a known one, and in production behind https the session cookie is Secure and
 * browsers are told to keep to https.
 */
import fs from 'node:fs'
import { SMTPServer } from 'smtp-server'
import { freePort } from '../../scripts/lib/ports'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseEnv, startCms, startStack, waitFor, type Stack } from '../../scripts/lib/stack'
import { createFirstAdmin, createUser, login } from '../../scripts/lib/restApi'

let stack: Stack

beforeAll(async () => {
  stack = await startStack()
})

afterAll(async () => {
  await stack?.stop()
})

const forgot = (email: string) =>
  fetch(`${stack.cms.url}/api/users/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) })

/** The reset token from the emailed link, once the email is in the log. */
async function tokenFromLog(email: string): Promise<string> {
  const pattern = new RegExp(`email to ${email.replace(/[.+]/g, '\\$&')}:[^\\n]*\\n[^\\n]*/admin/reset/([0-9a-f]{20,})`)
  for (let waited = 0; waited < 10_000; waited += 100) {
    const match = pattern.exec(stack.cms.output())
    if (match) return match[1]!
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no reset email for ${email} in the log:\n${stack.cms.output().slice(-2000)}`)
}

describe('forgot and reset password', () => {
  it('emails a reset link that sets a new password; the old one stops working', async () => {
    const admin = await createFirstAdmin(stack.cms.url)
    const editor = await createUser(stack.cms.url, admin, 'editor', 'forgetful@example.com', 'old-password-123')

    const requested = await forgot(editor.email)
    expect(requested.status).toBe(200)
    const known = await requested.json()
    const token = await tokenFromLog(editor.email)

    const reset = await fetch(`${stack.cms.url}/api/users/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'new-password-456' }),
    })
    expect(reset.status, await reset.clone().text()).toBe(200)
    await login(stack.cms.url, editor.email, 'new-password-456')
    await expect(login(stack.cms.url, editor.email, 'old-password-123')).rejects.toThrow(/401/)

    // A used token does not work twice.
    const again = await fetch(`${stack.cms.url}/api/users/reset-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'third-password-789' }),
    })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect(again.status).toBeLessThan(500)

    // An address nobody has: the same answer, and no email.
    const unknown = await forgot('nobody@example.com')
    expect(unknown.status).toBe(requested.status)
    expect(await unknown.json()).toEqual(known)
    expect(stack.cms.output()).not.toMatch(/email to nobody@example\.com/)
  })

  it('lets the same person ask twice in a row', async () => {
    const first = await forgot('forgetful@example.com')
    const second = await forgot('forgetful@example.com')
    expect([first.status, second.status]).toEqual([200, 200])
  })
})

/** A real SMTP server on a free port that keeps every message it accepts, as sent (raw RFC 5322). */
async function startMailbox(): Promise<{ url: string; messages: { to: string[]; raw: string }[]; close: () => Promise<void> }> {
  const messages: { to: string[]; raw: string }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        done()
      })
    },
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** Quoted-printable soft breaks and escapes undone, so a link in the HTML part reads whole. */
const unquote = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))

describe('with SMTP_URL', () => {
  it('sends the reset email through the SMTP server, from EMAIL_FROM, and the link in it works', async () => {
    const mailbox = await startMailbox()
    const { dataDir, env } = await baseEnv({ SMTP_URL: mailbox.url, EMAIL_FROM: 'desk@tripsitter.example' })
    const cms = await startCms(env)
    try {
      const admin = await createFirstAdmin(cms.url)
      const editor = await createUser(cms.url, admin, 'editor', 'mailed@example.com', 'old-password-123')
      const requested = await fetch(`${cms.url}/api/users/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: editor.email }) })
      expect(requested.status).toBe(200)
      await expect.poll(() => mailbox.messages.length, { timeout: 15_000 }).toBe(1)
      const message = mailbox.messages[0]!
      expect(message.to).toEqual([editor.email])
      expect(message.raw).toMatch(/^From: "?Tripsitter CMS"? <desk@tripsitter\.example>/m)
      const token = /\/admin\/reset\/([0-9a-f]{20,})/.exec(unquote(message.raw))?.[1]
      expect(token, message.raw).toBeTruthy()
      const reset = await fetch(`${cms.url}/api/users/reset-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password: 'new-password-456' }) })
      expect(reset.status, await reset.clone().text()).toBe(200)
      await login(cms.url, editor.email, 'new-password-456')
      // Sent, so not also written to the log.
      expect(cms.output()).not.toMatch(/email to mailed@example\.com/)
    } finally {
      await cms.stop()
      await mailbox.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('production behind https', () => {
  it('sets a Secure session cookie and Strict-Transport-Security', async () => {
    // The CMS believes it is served at https (a TLS proxy in front); the test talks to it directly.
    const { dataDir, env, cmsPort } = await baseEnv({})
    const direct = `http://127.0.0.1:${cmsPort}`
    const cms = await startCms({ ...env, CMS_URL: `https://127.0.0.1:${cmsPort}` }, direct)
    try {
      await waitFor(`${direct}/readyz`, cms.child, cms.output)
      const register = await fetch(`${direct}/api/users/first-register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password-123', name: 'Admin' }),
      })
      expect(register.status, await register.clone().text()).toBeLessThan(300)
      const res = await fetch(`${direct}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password-123' }),
      })
      expect(res.status).toBe(200)
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
      // Payload writes `Secure=true`; browsers read any attribute named Secure as the flag (RFC 6265 5.2.5).
      expect(cookie).toMatch(/;\s*Secure(=true)?(;|$)/i)
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    } finally {
      await cms.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
    // Over plain http the cookie must stay usable: not Secure.
    const res = await fetch(`${stack.cms.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'admin-password-123' }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))).not.toMatch(/Secure/i)
  })
})
