/**
 * `npm run bench -- [--quick] [--duration=N] [--growth-duration=N] [--growth-levels=1,100,1000,10000] [--out=FILE] [--skip=a,b] [--profile=cms,web]`
 *
 * The default full run takes about 25 minutes on 2 cores. `--growth-levels=1,1000,10000` adds the
 * 10,000-article catalogue (about 20 minutes more, publishing 9,000 articles). --quick is the smoke variant: every part
 * runs, briefly, and its report goes to bench-out/ so it never replaces the committed BENCHMARKS.md.
 */
import path from 'node:path'
import { repoRoot } from '../src/env'

export const PARTS = ['http', 'lighthouse', 'admin', 'publish', 'growth', 'cluster', 'sizes', 'startup'] as const
export type Part = (typeof PARTS)[number]

export interface BenchOptions {
  quick: boolean
  /** Seconds per read scenario (and per baseline). */
  duration: number
  /** Seconds per growth scenario. */
  growthDuration: number
  growthLevels: number[]
  publishes: number
  /** Seconds of reader load in each phase of the cluster part, and publishes in its steady phase. */
  clusterDuration: number
  clusterPublishes: number
  sizeCount: number
  out: string
  skip: Set<Part>
  /** Servers to run under `node --cpu-prof` (profiles land in bench-out/profiles). */
  profile: Set<'cms' | 'web'>
}

function positive(flag: string, value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number of seconds, got "${value}"`)
  return n
}

/** Published-article counts to measure at, ascending, starting at 1 (the ratios are against the first). */
function levelsOf(value: string): number[] {
  const levels = value.split(',').map(Number)
  const ascending = levels.every((n, i) => Number.isInteger(n) && n >= 1 && (i === 0 || n > levels[i - 1]!))
  if (!ascending || levels[0] !== 1) throw new Error(`--growth-levels must be ascending whole numbers starting at 1, got "${value}"`)
  return levels
}

export function parseOptions(argv: string[]): BenchOptions {
  const values = new Map<string, string>()
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    if (!match) throw new Error(`unexpected argument "${arg}"`)
    values.set(match[1]!, match[2] ?? '')
  }
  const known = new Set(['quick', 'duration', 'growth-duration', 'growth-levels', 'out', 'skip', 'profile'])
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`unknown option --${key} (known: ${[...known].map((k) => `--${k}`).join(', ')})`)

  const quick = values.has('quick')
  const duration = values.has('duration') ? positive('--duration', values.get('duration')!) : quick ? 2 : 10
  const growthDuration = values.has('growth-duration') ? positive('--growth-duration', values.get('growth-duration')!) : quick ? 1 : Math.max(1, Math.round(duration / 2))
  const skip = new Set<Part>()
  for (const part of (values.get('skip') ?? '').split(',').filter(Boolean)) {
    if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--skip: unknown part "${part}" (parts: ${PARTS.join(', ')})`)
    skip.add(part as Part)
  }
  const profile = new Set<'cms' | 'web'>()
  for (const server of (values.get('profile') ?? '').split(',').filter(Boolean)) {
    if (server !== 'cms' && server !== 'web') throw new Error(`--profile: expected cms and/or web, got "${server}"`)
    profile.add(server)
  }
  const growthLevels = values.has('growth-levels') ? levelsOf(values.get('growth-levels')!) : quick ? [1, 10] : [1, 100, 1000]
  const out = values.get('out') || path.join(repoRoot, quick ? 'bench-out/BENCHMARKS.quick.md' : 'BENCHMARKS.md')
  return {
    quick,
    duration,
    growthDuration,
    growthLevels,
    publishes: quick ? 5 : 20,
    clusterDuration: quick ? 6 : 15,
    clusterPublishes: quick ? 1 : 5,
    sizeCount: quick ? 2 : 3,
    out: path.resolve(out),
    skip,
    profile,
  }
}
