/**
 * The database goes away under a running CMS, then comes back.
 *
 * How it is taken away: the SQLite file lives in its own directory, which is renamed. libsql opens
 * a connection per query, so every query then fails to open the file (SQLITE_CANTOPEN), exactly as
 * on a lost volume. chmod would not do it: tests run as root, and root reads a mode-000 file.
 * Renaming (not deleting) the directory keeps the very same bytes to put back, so "nothing is
 * corrupted" can be checked byte for byte and with SQLite's own integrity check.
 *
 * Proves: /readyz turns 503 with a JSON reason; reads and writes answer 503 with a plain message
 * and Retry-After (no stack, no SQL); nothing is written while it is gone (no stray database file
 * either); and when the directory is back, the same process is ready again, the data is identical
 * and intact, and writes work, with no restart.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseEnv, runSeed, startCms, type Running } from '../../scripts/lib/stack'
import { createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { databaseSnapshot } from '../helpers/snapshot'
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '../../apps/cms/http/databaseErrors'
import { articleRefs, bySlug, KETAMINE_SLUG, send } from './support'

const mongo = Boolean(process.env.TEST_MONGODB_URL)

let dataDir: string
let dbDir: string
let cms: Running
let admin: Session
let editor: Session
let before: string
let article: { id: string | number; introId: string | number }

beforeAll(async () => {
  if (mongo) return
  const base = await baseEnv()
  dataDir = base.dataDir
  dbDir = path.join(dataDir, 'db')
  fs.mkdirSync(dbDir)
  const env = { ...base.env, DATABASE_URL: `file:${path.join(dbDir, 'test.db')}` }
  cms = await startCms(env)
  const seeded = await runSeed(env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  admin = await createFirstAdmin(cms.url)
  editor = await createUser(cms.url, admin, 'editor')
  article = await articleRefs(cms.url, KETAMINE_SLUG)
})

afterAll(async () => {
  if (fs.existsSync(`${dbDir}.away`) && !fs.existsSync(dbDir)) fs.renameSync(`${dbDir}.away`, dbDir)
  await cms?.stop()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

/** The answer every request gets while the database is gone. */
async function expectUnavailable(res: Response, what: string): Promise<void> {
  const text = await res.text()
  expect(res.status, `${what}: ${text}`).toBe(503)
  expect(res.headers.get('retry-after'), what).toBe(String(DATABASE_RETRY_AFTER_SECONDS))
  expect(res.headers.get('content-type'), what).toMatch(/^application\/json/)
  expect(JSON.parse(text), what).toEqual({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] })
}

// MongoDB's equivalent (stopping mongod) needs the MongoDB lane's server, which these machines do not have.
describe.skipIf(mongo)('SQLite database directory renamed away from a running CMS', () => {
  let files: Record<string, Buffer>

  it('turns /readyz 503 with a JSON reason', async () => {
    before = await databaseSnapshot(cms.url, admin)
    fs.renameSync(dbDir, `${dbDir}.away`)
    files = Object.fromEntries(fs.readdirSync(`${dbDir}.away`).map((f) => [f, fs.readFileSync(path.join(`${dbDir}.away`, f))]))
    const res = await fetch(`${cms.url}/readyz`)
    expect(res.status).toBe(503)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await json(res)).toEqual({ status: 'unavailable', reason: 'database unavailable: cannot open the database file' })
    expect((await fetch(`${cms.url}/healthz`)).status).toBe(200) // the process itself is fine
  })

  it('answers writes with a clear 503, never a stack trace', async () => {
    await expectUnavailable(await send(cms.url, 'POST', '/api/articles', { title: 'Written during the outage', _status: 'published' }, editor), 'create')
    await expectUnavailable(await send(cms.url, 'PATCH', `/api/articles/${article.id}`, { title: 'Renamed during the outage' }, editor), 'update')
    await expectUnavailable(await send(cms.url, 'DELETE', `/api/articles/${article.id}`, undefined, editor), 'delete')
    await expectUnavailable(await send(cms.url, 'POST', '/api/users/login', { email: 'admin@example.com', password: 'admin-password-123' }), 'login')
  })

  it('answers uncached reads with the same 503', async () => {
    await expectUnavailable(await fetch(`${cms.url}/api/articles?depth=0`), 'list')
    await expectUnavailable(await fetch(`${cms.url}/api/articles/by-slug/not-in-any-cache`), 'by-slug miss')
  })

  it('writes nothing anywhere while it is gone', () => {
    expect(fs.existsSync(dbDir)).toBe(false)
    for (const [name, bytes] of Object.entries(files)) expect(fs.readFileSync(path.join(`${dbDir}.away`, name)).equals(bytes), name).toBe(true)
  })

  it('recovers in the same process when the directory is back: ready, identical, intact, writable', async () => {
    fs.renameSync(`${dbDir}.away`, dbDir)
    const res = await fetch(`${cms.url}/readyz`)
    expect(res.status).toBe(200)
    expect(await databaseSnapshot(cms.url, admin)).toBe(before)

    const client = createClient({ url: `file:${path.join(dbDir, 'test.db')}` })
    try {
      const check = await client.execute('PRAGMA integrity_check')
      expect(check.rows.map((r) => r[0])).toEqual(['ok'])
    } finally {
      client.close()
    }

    const created = await send(cms.url, 'POST', '/api/articles?depth=0', { title: 'Written after the outage', _status: 'draft' }, editor)
    expect(created.status).toBe(201)
    expect((await bySlug(cms.url, KETAMINE_SLUG)).title).toBe('Ketamine: A Promising Breakthrough in Mental Health Treatment')
  })
})
