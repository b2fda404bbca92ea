/**
 * Search latency: `GET /api/search` one request at a time, as a reader typing queries would send
 * them. Whole words, prefixes, a typo and two-word queries, each asked on its first and second
 * result page, so the figure covers ranking, snippets and paging rather than one cheap lookup.
 */
import { percentile } from './stats'

const QUERIES = [
  'ketamine',
  'ketam',
  'depression',
  'anesthesia',
  'dissociative',
  'nmda receptor',
  'esketamine',
  'psilocibin',
  'tolerance',
  'bladder',
  'ketamine depression',
  'dose',
]
const PAGES = [1, 2]
const ROUNDS = 4

export interface SearchLatency {
  samples: number
  p50Ms: number
  p95Ms: number
  maxMs: number
}

export async function measureSearch(cmsUrl: string): Promise<SearchLatency> {
  const ask = async (q: string, page: number) => {
    const res = await fetch(`${cmsUrl}/api/search?q=${encodeURIComponent(q)}&limit=10&page=${page}`)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`search "${q}" page ${page} answered ${res.status}`)
  }
  // The first search after content changed builds the index; readers after it are what is measured.
  await ask(QUERIES[0]!, 1)
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      for (const page of PAGES) {
        const started = performance.now()
        await ask(q, page)
        times.push(performance.now() - started)
      }
    }
  }
  return { samples: times.length, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), maxMs: Math.max(...times) }
}
