/** Small REST helpers over real HTTP: log in, create users with roles, call the API as someone. */
export type Session = { token: string; user: { id: string | number; role: string } }

/** Signing in or creating an account answers in well under a second; a request still open after this is stuck. */
const ACCOUNT_REQUEST_MS = 120_000

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  const text = await res.text()
  try {
    return JSON.parse(text) as T
  } catch {
    throw new Error(`expected JSON from ${res.url} (${res.status}), got: ${text.slice(0, 300)}`)
  }
}

export async function login(cmsUrl: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${cmsUrl}/api/users/login`, { signal: AbortSignal.timeout(ACCOUNT_REQUEST_MS), method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`)
  const body = await json<{ token: string; user: Session['user'] }>(res)
  return { token: body.token, user: body.user }
}

/** The first user of a fresh install (becomes admin), as /admin's create-first-user form does. */
export async function createFirstAdmin(cmsUrl: string, email = 'admin@example.com', password = 'admin-password-123'): Promise<Session> {
  const res = await fetch(`${cmsUrl}/api/users/first-register`, {
    signal: AbortSignal.timeout(ACCOUNT_REQUEST_MS),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name: 'Admin' }),
  })
  if (!res.ok) throw new Error(`first-register: ${res.status} ${await res.text()}`)
  return login(cmsUrl, email, password)
}

export async function createUser(cmsUrl: string, admin: Session, role: string, email = `${role}-${Date.now()}@example.com`, password = `${role}-password-123`): Promise<Session & { email: string; password: string }> {
  const res = await fetch(`${cmsUrl}/api/users`, {
    signal: AbortSignal.timeout(ACCOUNT_REQUEST_MS),
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${admin.token}` },
    body: JSON.stringify({ email, password, name: role, role }),
  })
  if (!res.ok) throw new Error(`create ${role}: ${res.status} ${await res.text()}`)
  return { ...(await login(cmsUrl, email, password)), email, password }
}

export const auth = (s: Session) => ({ authorization: `JWT ${s.token}` })
