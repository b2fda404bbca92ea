/**
 * The MongoDB lane. Every integration test picks its database through `databaseEnv()`: a fresh
 * SQLite file by default, a fresh MongoDB database when TEST_MONGODB_URL is set (for example
 * `docker compose up -d mongo` and TEST_MONGODB_URL=mongodb://localhost:27017/?replicaSet=rs0).
 * This file says, loudly, which lane ran; with MongoDB it also checks the adapter really is in use.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { databaseEnv, startStack, type Stack } from '../../scripts/lib/stack'

const mongo = process.env.TEST_MONGODB_URL

if (!mongo) {
  console.log('\n[mongodb lane] SKIPPED: TEST_MONGODB_URL is not set; the integration suite ran on SQLite only.\n')
}

describe('database lane', () => {
  it('uses SQLite unless TEST_MONGODB_URL is set', () => {
    const { DATABASE_URL } = databaseEnv('/tmp/x')
    expect(DATABASE_URL).toMatch(mongo ? /^mongodb/ : /^file:/)
  })
})

describe.runIf(mongo)('MongoDB lane', () => {
  let stack: Stack | undefined
  afterAll(() => stack?.stop())

  it('boots the CMS on MongoDB and reports ready', async () => {
    stack = await startStack()
    const ready = await fetch(`${stack.cms.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(stack.cms.output()).toContain('mongodb')
  })
})
