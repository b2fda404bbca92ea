import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EnvError, parseCmsEnv, parseWebEnv } from '../../src/env'
import { loadRootEnv } from '../../src/process/rootEnv'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tripsitter-env-'))
const quiet = () => undefined
const LONG = 'x'.repeat(32)

describe('environment', () => {
  it('names the variable that is wrong', () => {
    expect(() => parseCmsEnv({ DATA_DIR: tmp(), CMS_PORT: 'eighty' }, quiet)).toThrow(/CMS_PORT: /)
    expect(() => parseCmsEnv({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://x' }, quiet)).toThrow(/DATABASE_URL: must start with mongodb:\/\/, mongodb\+srv:\/\/ or file:/)
  })

  it('chooses the database from DATABASE_URL', () => {
    const dir = tmp()
    expect(parseCmsEnv({ DATA_DIR: dir }, quiet)).toMatchObject({ databaseKind: 'sqlite', sqlitePath: path.join(dir, 'tripsitter-dev.db') })
    expect(parseCmsEnv({ DATA_DIR: dir, NODE_ENV: 'production' }, quiet).sqlitePath).toBe(path.join(dir, 'tripsitter.db'))
    expect(parseCmsEnv({ DATA_DIR: dir, DATABASE_URL: 'mongodb://db:27017/x' }, quiet).databaseKind).toBe('mongodb')
  })

  it('generates secrets once, stores them 0600, and says so', () => {
    const dir = tmp()
    const lines: string[] = []
    const first = parseCmsEnv({ DATA_DIR: dir }, (l) => lines.push(l))
    expect(first.PAYLOAD_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600)
    expect(lines.join('\n')).toMatch(/generated development secrets/)
    // The reader site, a second process, gets the same ones.
    expect(parseWebEnv({ DATA_DIR: dir }, quiet).REVALIDATE_SECRET).toBe(first.REVALIDATE_SECRET)
  })

  it('refuses an empty or short secret in production', () => {
    expect(() => parseCmsEnv({ DATA_DIR: tmp(), NODE_ENV: 'production', PAYLOAD_SECRET: '' }, quiet)).toThrow(EnvError)
    expect(() => parseCmsEnv({ DATA_DIR: tmp(), NODE_ENV: 'production', PAYLOAD_SECRET: 'short' }, quiet)).toThrow(/PAYLOAD_SECRET: must be at least 32 characters in production/)
  })

  it('requires every secret in a deployment', () => {
    expect(() => parseCmsEnv({ DATA_DIR: tmp(), NODE_ENV: 'production', DEPLOYMENT: '1', PAYLOAD_SECRET: LONG }, quiet)).toThrow(/REVALIDATE_SECRET, PREVIEW_SECRET: required in production/)
    const env = parseCmsEnv({ DATA_DIR: tmp(), NODE_ENV: 'production', DEPLOYMENT: '1', PAYLOAD_SECRET: LONG, REVALIDATE_SECRET: LONG, PREVIEW_SECRET: LONG }, quiet)
    expect(env.PAYLOAD_SECRET).toBe(LONG)
  })

  it('starts the reader site without the CMS signing secret, which it never uses', () => {
    const env = parseWebEnv({ DATA_DIR: tmp(), NODE_ENV: 'production', DEPLOYMENT: '1', REVALIDATE_SECRET: LONG, PREVIEW_SECRET: LONG }, quiet)
    expect(env.REVALIDATE_SECRET).toBe(LONG)
    expect(env).not.toHaveProperty('PAYLOAD_SECRET')
    expect(() => parseWebEnv({ DATA_DIR: tmp(), NODE_ENV: 'production', DEPLOYMENT: '1', REVALIDATE_SECRET: LONG }, quiet)).toThrow(/PREVIEW_SECRET: required in production/)
  })
})

describe('the root .env', () => {
  it('fills what the environment leaves unset, and the environment wins', () => {
    const file = path.join(tmp(), '.env')
    fs.writeFileSync(file, '# overrides\nCMS_PORT=4100\nRATE_LIMIT_API_MAX=7\nEMAIL_FROM="Tripsitter <news@example.org>"\n')
    const target: Record<string, string | undefined> = { CMS_PORT: '4200' }
    loadRootEnv(file, target)
    expect(target).toEqual({ CMS_PORT: '4200', RATE_LIMIT_API_MAX: '7', EMAIL_FROM: 'Tripsitter <news@example.org>' })
  })

  it('is optional', () => {
    const target = { WEB_PORT: '4300' }
    loadRootEnv(path.join(tmp(), '.env'), target)
    expect(target).toEqual({ WEB_PORT: '4300' })
  })
})
