/**
 * Child process: publish variants of the bundled article through Payload's Local API, the same
 * writer the seed CLI uses (hooks, validation, versions and all), so a site of 1,000 articles is
 * built the way a real one would be, only without 1,000 CLI start-ups.
 *
 *   node --import tsx bench/generate.ts <from> <to>     writes variants from..to-1, prints "generated N in M ms"
 *
 * Run with the stack's environment (DATABASE_URL, NODE_ENV=production, JOBS_AUTORUN=false).
 */
import fs from 'node:fs'
import { getPayload } from 'payload'
import config from '../payload.config'
import { BUNDLED_DOCUMENT } from '../seed/index'
import { parseDocument } from '../seed/parse'
import { writeDocument } from '../seed/write'
import { variantOf } from './documents'

async function main(from: number, to: number): Promise<void> {
  const bundled = fs.readFileSync(BUNDLED_DOCUMENT, 'utf8')
  const payload = await getPayload({ config })
  try {
    const started = Date.now()
    for (let i = from; i < to; i++) {
      const doc = parseDocument(variantOf(bundled, i), `variant-${i}`)
      await writeDocument(payload, doc, { publish: true })
    }
    console.log(`generated ${to - from} in ${Date.now() - started} ms`)
  } finally {
    await payload.destroy()
  }
}

const [from, to] = process.argv.slice(2).map(Number)
if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to) || to < from) {
  console.error('usage: generate.ts <from> <to>')
  process.exit(2)
}
main(from, to).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
