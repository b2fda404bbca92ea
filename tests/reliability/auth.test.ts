/**
 * Login brute force and logout, on a CMS with a small login rate limit.
 *
 * Proves: after maxLoginAttempts (5) wrong passwords the account is locked, so even the right
 * password is refused, from any address; the login rate limit (RATE_LIMIT_LOGIN_MAX per window, per
 * client address) answers 429 with Retry-After once exceeded; and a JWT stops working the moment
 * its session logs out (Payload 3 keeps sessions in the user document and checks them on every
 * request), while the same user's other sessions keep working.
 *
 * Each attacker gets its own address through X-Forwarded-For, which the CMS honours from a loopback
 * proxy only (TRUST_PROXY=loopback), so the setup's own logins do not count against it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, login, type Session } from '../../scripts/lib/restApi'
import { send } from './support'

const LOGIN_MAX = 8

let stack: Stack
let cms: string
let admin: Session
let victim: Session & { email: string; password: string }

beforeAll(async () => {
  stack = await startStack({ env: { RATE_LIMIT_LOGIN_MAX: String(LOGIN_MAX), RATE_LIMIT_WINDOW_MS: '600000' } })
  cms = stack.cms.url
  admin = await createFirstAdmin(cms)
  victim = await createUser(cms, admin, 'editor', 'victim@example.com', 'the-right-password-1')
})
afterAll(() => stack?.stop())

const attempt = (email: string, password: string, from: string) =>
  fetch(`${cms}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ email, password }) })

describe('login brute force', () => {
  const attacker = '203.0.113.7'
  const outcomes: { status: number; message: string; retryAfter: string | null }[] = []

  beforeAll(async () => {
    // 5 wrong guesses, then the right password, then more: LOGIN_MAX + 2 requests from one address.
    const passwords = [...Array.from({ length: 5 }, (_, i) => `guess-${i}`), 'the-right-password-1', 'guess-6', 'guess-7', 'guess-8', 'guess-9']
    for (const password of passwords) {
      const res = await attempt('victim@example.com', password, attacker)
      const body = await json<{ errors?: { message: string }[] }>(res)
      outcomes.push({ status: res.status, message: body.errors?.[0]?.message ?? '', retryAfter: res.headers.get('retry-after') })
    }
  })

  it('refuses the 5 wrong passwords with 401', () => {
    expect(outcomes.slice(0, 5).map((o) => [o.status, o.message])).toEqual(Array(5).fill([401, 'The email or password provided is incorrect.']))
  })

  it('locks the account: the right password is refused after them', () => {
    expect(outcomes.slice(5, LOGIN_MAX).map((o) => [o.status, o.message])).toEqual(Array(LOGIN_MAX - 5).fill([401, 'The email or password provided is incorrect.']))
  })

  it('answers 429 with Retry-After once the address used up its login budget', () => {
    const limited = outcomes.slice(LOGIN_MAX)
    expect(limited.map((o) => [o.status, o.message])).toEqual(Array(limited.length).fill([429, 'Too many requests; retry after the time in Retry-After']))
    for (const o of limited) expect(Number(o.retryAfter)).toBeGreaterThan(0)
  })

  it('keeps the lock for every address, and leaves other accounts alone', async () => {
    const elsewhere = await attempt('victim@example.com', 'the-right-password-1', '198.51.100.20')
    expect(elsewhere.status).toBe(401)
    // The same answer as a wrong password: a lockout message would tell an attacker the email exists.
    expect((await json<{ errors: { message: string }[] }>(elsewhere)).errors[0]!.message).toBe('The email or password provided is incorrect.')
    expect((await attempt('admin@example.com', 'admin-password-123', '198.51.100.21')).status).toBe(200)
    // The victim's session from before the attack is untouched.
    expect((await json<{ user: { email: string } | null }>(await fetch(`${cms}/api/users/me`, { headers: auth(victim) }))).user?.email).toBe('victim@example.com')
  })
})

describe('logout', () => {
  it('stops that JWT from working at once, and only that one', async () => {
    const author = await createUser(cms, admin, 'author', 'writer@example.com', 'writer-password-123')
    const draft = await send(cms, 'POST', '/api/articles?draft=true', { title: 'Only staff may read this draft', _status: 'draft' }, author)
    expect(draft.status).toBe(201)
    const other = await login(cms, author.email, author.password)
    const seesDraft = async (s: Session) => (await (await fetch(`${cms}/api/articles?draft=true&limit=100`, { headers: auth(s) })).text()).includes('Only staff may read this draft')

    expect(await seesDraft(author)).toBe(true)
    const out = await fetch(`${cms}/api/users/logout`, { method: 'POST', headers: auth(author) })
    expect(out.status).toBe(200)

    expect((await json<{ user: unknown }>(await fetch(`${cms}/api/users/me`, { headers: auth(author) }))).user).toBeNull()
    expect(await seesDraft(author)).toBe(false)
    expect((await send(cms, 'POST', '/api/articles?draft=true', { title: 'After logout', _status: 'draft' }, author)).status).toBe(403)
    expect((await fetch(`${cms}/api/users/${author.user.id}`, { headers: auth(author) })).status).toBe(403)
    // The same person's other session (another browser) is still valid.
    expect(await seesDraft(other)).toBe(true)
  })
})
