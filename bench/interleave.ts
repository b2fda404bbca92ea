/**
 * Interleaved measurement for noisy machines (the smoke test runs beside other test files): the
 * baseline and the scenarios take turns in short slices, so a burst of background work lands on
 * both sides instead of skewing one ratio.
 */
import { measure, type LoadSpec, type Measurement } from './load'

/**
 * Turns each side takes: up to 4, none shorter than 2 s. Short turns spread a burst of background
 * work over both sides; but each turn costs autocannon's start and finish (~0.5 s on a busy
 * machine) and a moment for 50 connections to settle.
 */
export const roundsFor = (durationSec: number) => Math.max(1, Math.min(4, Math.floor(durationSec / 2)))

function merge(slices: Measurement[]): Measurement {
  const first = slices[0]
  if (!first) throw new Error('no slices to merge')
  const total = slices.reduce((sum, m) => sum + m.total, 0)
  const durationSec = slices.reduce((sum, m) => sum + m.durationSec, 0)
  const statuses: Record<string, number> = {}
  for (const m of slices) for (const [code, count] of Object.entries(m.statuses)) statuses[code] = (statuses[code] ?? 0) + count
  const rssMb: Record<string, number> = {}
  for (const m of slices) for (const [name, peak] of Object.entries(m.rssMb)) rssMb[name] = Math.max(rssMb[name] ?? 0, peak)
  const p50s = slices.map((m) => m.p50Ms).sort((a, b) => a - b)
  return {
    url: first.url,
    requestsPerSec: total / durationSec,
    // Percentiles do not merge exactly; the median slice's p50 and the worst slice's p99 are honest bounds.
    p50Ms: p50s[Math.floor(p50s.length / 2)]!,
    p99Ms: Math.max(...slices.map((m) => m.p99Ms)),
    errors: slices.reduce((sum, m) => sum + m.errors, 0),
    total,
    statuses,
    bytesPerResponse: total ? slices.reduce((sum, m) => sum + m.bytesPerResponse * m.total, 0) / total : 0,
    rssMb,
    durationSec,
  }
}

/** Runs every spec for `sliceSec`, round-robin, `rounds` times; one merged Measurement per spec. */
export async function measureInterleaved(specs: Omit<LoadSpec, 'duration'>[], rounds: number, sliceSec: number): Promise<Measurement[]> {
  const slices: Measurement[][] = specs.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (const [i, spec] of specs.entries()) slices[i]!.push(await measure({ ...spec, duration: sliceSec }))
  }
  return slices.map(merge)
}
