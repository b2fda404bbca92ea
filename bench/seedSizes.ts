/**
 * Seed time against document size: synthetic documents of the seed's shape, each loaded by the
 * real CLI (`seed/index.ts --publish`) into its own fresh database, so every run is a cold create.
 */
import fs from 'node:fs'
import { baseEnv } from '../scripts/lib/stack'
import { syntheticDocument } from './documents'
import { BENCH_LIMITS, timedSeed } from './stack'

export interface SizedSeed {
  label: string
  bytes: number
  sections: number
  citations: number
  doneMs: number
  wallMs: number
}

/** 1 MiB is the loader's limit; the largest document stays just under it. */
export const SIZES: { label: string; maxBytes: number }[] = [
  { label: '5 KB', maxBytes: 5 * 1024 },
  { label: '100 KB', maxBytes: 100 * 1024 },
  { label: '1 MB', maxBytes: 1_040_000 },
]

export async function seedSizes(sizes: typeof SIZES, log: (line: string) => void): Promise<SizedSeed[]> {
  const out: SizedSeed[] = []
  for (const size of sizes) {
    // No reader site is running: the publish webhook fails fast (connection refused) and is logged.
    const { dataDir, env } = await baseEnv(BENCH_LIMITS)
    try {
      const file = `${dataDir}/synthetic-${size.maxBytes}.txt`
      const text = syntheticDocument(size.maxBytes, `Synthetic Benchmark Article of ${size.label}`)
      fs.writeFileSync(file, text)
      const run = await timedSeed(env, [file, '--publish'])
      const sections = Number(/^sections: (\d+)$/m.exec(run.stdout)?.[1] ?? 0)
      const citations = Number(/^citations: (\d+)$/m.exec(run.stdout)?.[1] ?? 0)
      out.push({ label: size.label, bytes: Buffer.byteLength(text), sections, citations, doneMs: run.doneMs, wallMs: run.wallMs })
      log(`seed ${size.label}: ${run.doneMs} ms (wall ${run.wallMs} ms, ${sections} sections, ${citations} citations)`)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return out
}
