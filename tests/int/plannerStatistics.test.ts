/**
 * SQLite's planner statistics follow the content: the running CMS analyzes once it is up and again
 * after writes from any process (here the seed CLI), so the row counts the planner works from are
 * the database's, not those of the empty file it started on. MongoDB plans without them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseEnv, runSeed, startCms, type Running } from '../../scripts/lib/stack'
import { repoRoot } from '../../src/env'
import { until } from '../helpers/wait'

const onSqlite = !process.env.TEST_MONGODB_URL
let cms: Running
let dataDir: string
let env: Record<string, string | undefined>
let db: Client

/** The planner's row count for a table, as sqlite_stat1 records it for one of the table's indexes. */
async function statisticsRows(table: string, index: string): Promise<number | undefined> {
  const exists = await db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
  if (exists.rows.length === 0) return undefined
  const row = (await db.execute({ sql: 'SELECT stat FROM sqlite_stat1 WHERE tbl = ? AND idx = ?', args: [table, index] })).rows[0]
  return row ? Number(String(row.stat).split(' ')[0]) : undefined
}
const rows = async (table: 'articles' | 'sections') => Number((await db.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n)

/** Waits until the statistics count the rows the table has now. */
const statisticsMatch = (table: 'articles' | 'sections', index: string) =>
  until(`sqlite_stat1 counting every row of ${table}`, async () => {
    const [counted, actual] = [await statisticsRows(table, index), await rows(table)]
    return counted === actual ? actual : undefined
  })

describe.skipIf(!onSqlite)('planner statistics on SQLite', () => {
  beforeAll(async () => {
    const base = await baseEnv({ SQLITE_ANALYZE_INTERVAL_MS: '500' })
    dataDir = base.dataDir
    env = base.env
    cms = await startCms(env)
    db = createClient({ url: env.DATABASE_URL! })
  })
  afterAll(async () => {
    db?.close()
    await cms?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('are gathered after the first content arrives from another process', async () => {
    const seeded = await runSeed(env, ['--publish'])
    expect(seeded.code, seeded.stderr).toBe(0)
    expect(await statisticsMatch('articles', 'articles_slug_idx')).toBe(1)
    expect(await statisticsMatch('sections', 'sections_article_idx')).toBe(await rows('sections'))
  })

  it('are gathered again when the catalogue grows', async () => {
    const before = await rows('sections')
    const seeded = await runSeed(env, [path.join(repoRoot, 'seed/documents/psilocybin-sample.txt'), '--publish'])
    expect(seeded.code, seeded.stderr).toBe(0)
    expect(await statisticsMatch('articles', 'articles_slug_idx')).toBe(2)
    expect(await statisticsMatch('sections', 'sections_article_idx')).toBeGreaterThan(before)
  })
})
