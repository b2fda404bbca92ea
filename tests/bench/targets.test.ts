/** The target arithmetic that decides PASS/MISS in BENCHMARKS.md and the smoke test. */
import { describe, expect, it } from 'vitest'
import type { Measurement } from '../../bench/load'
import { percentile } from '../../bench/stats'
import { allChecks, growthRatio, throughputChecks, type HttpPair } from '../../bench/targets'

const m = (requestsPerSec: number, extra: Partial<Measurement> = {}): Measurement => ({
  url: 'http://x/',
  requestsPerSec,
  p50Ms: 2,
  p99Ms: 10,
  errors: 0,
  total: requestsPerSec,
  statuses: { 200: requestsPerSec },
  bytesPerResponse: 1000,
  rssMb: {},
  durationSec: 1,
  ...extra,
})
const pair = (id: string, rps: number, base: number, extra: Partial<Measurement> = {}): HttpPair => ({ id, title: id, server: 'web', result: m(rps, extra), baseline: m(base) })

describe('throughputChecks', () => {
  it('applies the throughput ratios, p99 and zero errors at full strength', () => {
    const checks = throughputChecks([pair('article', 499, 1000), pair('by-slug', 260, 1000)])
    expect(checks.map((c) => [c.name, c.pass])).toEqual([
      ['article: req/s vs baseline', false],
      ['article: p99 vs baseline', true],
      ['article: errors', true],
      ['by-slug: req/s vs baseline', true],
      ['by-slug: errors', true],
    ])
  })

  it('halves the ratios for the smoke test, never the zero-error rule', () => {
    const checks = throughputChecks([pair('front', 260, 1000, { errors: 1 }), pair('by-slug-etag', 240, 1000)], { factor: 0.5, latency: false })
    expect(checks.filter((c) => !c.pass).map((c) => c.name)).toEqual(['front: errors', 'by-slug-etag: req/s vs baseline'])
  })

  it('fails p99 above three times the baseline p99', () => {
    const [, p99] = throughputChecks([pair('front', 1000, 1000, { p99Ms: 31 })])
    expect(p99).toMatchObject({ pass: false, target: '<= 3x (30 ms)' })
  })
})

describe('throughputChecks for generic reads and compressed answers', () => {
  it('wants a generic read at >= 0.25x with p99 <= 50 ms and no errors', () => {
    const checks = throughputChecks([pair('graphql-post', 260, 1000, { p99Ms: 51 }), pair('list', 240, 1000, { p99Ms: 50 })])
    expect(checks.map((c) => [c.name, c.pass])).toEqual([
      ['graphql-post: req/s vs baseline', true],
      ['graphql-post: p99', false],
      ['graphql-post: errors', true],
      ['list: req/s vs baseline', false],
      ['list: p99', true],
      ['list: errors', true],
    ])
  })

  it('holds a compressed page to its uncompressed bar', () => {
    const checks = throughputChecks([pair('article-br', 490, 1000), pair('by-slug-gzip', 260, 1000, { errors: 2 })])
    expect(checks.map((c) => [c.name, c.pass])).toEqual([
      ['article-br: req/s vs baseline', false],
      ['article-br: errors', true],
      ['by-slug-gzip: req/s vs baseline', true],
      ['by-slug-gzip: errors', false],
    ])
  })
})

describe('growthRatio', () => {
  const level = (articles: number, rps: number, base: number) => ({ articles, generateMs: 0, uncachedMs: {}, results: { front: m(rps) }, baselines: { front: m(base) }, search: { samples: 0, p50Ms: 0, p95Ms: 0, maxMs: 0 }, listings: {} })
  it('divides out each level’s own baseline when normalized', () => {
    expect(growthRatio(level(1, 800, 1000), level(1000, 400, 500), 'front', true)).toBeCloseTo(1)
    expect(growthRatio(level(1, 800, 1000), level(1000, 400, 500), 'front', false)).toBeCloseTo(0.5)
  })
})

describe('allChecks', () => {
  it('reports a growth level that could not be measured as a missed target with its reason', () => {
    const checks = allChecks({ http: [], publishVisibleMs: [], seed: { cold: { doneMs: 100, wallMs: 900 } }, growth: [], growthFailure: { articles: 10000, message: 'fetch failed\nCMS:\n...' }, sizes: [] })
    expect(checks.find((c) => c.name === 'Growth measured at 10000 articles')).toMatchObject({ actual: 'failed: fetch failed', pass: false })
  })
})

describe('percentile', () => {
  it('uses nearest rank', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1)
    expect(percentile(samples, 50)).toBe(10)
    expect(percentile(samples, 95)).toBe(19)
    expect(Number.isNaN(percentile([], 50))).toBe(true)
  })
})
