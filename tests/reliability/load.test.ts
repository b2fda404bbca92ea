/**
 * Readers under load while an editor publishes, short variant. The full variant (200
 * readers, 60 s, 10 publishes) is the same scenario run by the CLI in loadScenario.ts.
 *
 * Proves: no reader request fails (socket error, timeout or a status outside 200-399) on the
 * article page, the front page or the by-slug API while publishes land; the text readers get
 * afterwards, from the API and from the page, is the last edit and only that; and both servers'
 * resident memory comes back within 20% of its level before the load.
 */
import { describe, expect, it } from 'vitest'
import { formatReport, runLoadScenario, type ScenarioReport } from './loadScenario'

describe('50 readers for 8 s while an editor publishes 3 edits', () => {
  let report: ScenarioReport

  it('serves every request', { timeout: 150_000 }, async () => {
    report = await runLoadScenario({ concurrency: 50, durationMs: 8_000, publishes: 3, settleMs: 30_000 })
    console.log(formatReport(report))
    expect(report.load.requests).toBeGreaterThan(1_000)
    expect(report.load.targets.map((t) => [t.name, t.failures, t.errors])).toEqual([
      ['article page (web)', 0, {}],
      ['front page (web)', 0, {}],
      ['by-slug API (cms)', 0, {}],
    ])
    expect(report.load.failures).toBe(0)
  })

  it('lands every publish, and readers end on the last edit only', () => {
    expect(report.load.publishes).toMatchObject({ done: 3, failed: [] })
    expect(report.lastEditStored).toBe(true)
    expect(report.lastEditInApi).toBe(true)
    expect(report.lastEditOnPage).toBe(true)
    expect(report.olderEditsOnPage).toEqual([])
  })

  it('returns both servers to within 20% of their pre-load memory', () => {
    for (const name of ['cms', 'web'] as const) {
      const m = report.memory[name]
      expect(m.baselineMb, name).not.toBeNull()
      expect(m.afterMb!, `${name} RSS after load (baseline ${m.baselineMb} MB, peak ${m.peakMb} MB)`).toBeLessThanOrEqual(m.baselineMb! * 1.2)
    }
    expect(report.problems).toEqual([])
  })
})
