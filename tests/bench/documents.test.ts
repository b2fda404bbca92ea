/**
 * The bench's generated documents must be what the seed accepts, sized as asked, with content that
 * grows linearly; otherwise "seed time vs size" compares unlike things.
 */
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { syntheticDocument, variantOf } from '../../bench/documents'
import { BUNDLED_DOCUMENT } from '../../seed/index'
import { MAX_SOURCE_BYTES } from '../../seed/source'
import { parseDocument } from '../../seed/parse'

describe('syntheticDocument', () => {
  it.each([5 * 1024, 100 * 1024, 1_040_000])('parses cleanly, stays under %i bytes and close to it', (maxBytes) => {
    const text = syntheticDocument(maxBytes)
    const bytes = Buffer.byteLength(text)
    expect(bytes).toBeLessThanOrEqual(maxBytes)
    expect(bytes).toBeGreaterThan(maxBytes * 0.85)
    const doc = parseDocument(text, 'synthetic.txt')
    expect(doc.warnings).toEqual([])
    expect(doc.sections.length).toBeGreaterThan(1)
  })

  it('the largest size fits under the loader limit', () => {
    expect(Buffer.byteLength(syntheticDocument(1_040_000))).toBeLessThan(MAX_SOURCE_BYTES)
  })

  it('grows sections and distinct citations in proportion to size', () => {
    const small = parseDocument(syntheticDocument(100 * 1024), 'a')
    const large = parseDocument(syntheticDocument(1_000 * 1024), 'b')
    expect(large.sections.length / small.sections.length).toBeCloseTo(10, 0)
    expect(large.citations.length / small.citations.length).toBeCloseTo(10, 0)
  })
})

describe('variantOf', () => {
  it('gives the bundled article a new title and slug and keeps its body', () => {
    const bundled = parseDocument(fs.readFileSync(BUNDLED_DOCUMENT, 'utf8'), 'k')
    const variant = parseDocument(variantOf(fs.readFileSync(BUNDLED_DOCUMENT, 'utf8'), 7), 'v')
    expect(variant.slug).toBe('ketamine-variant-7-a-promising-breakthrough-in-mental-health-treatment')
    expect(variant.sections).toEqual(bundled.sections)
    expect(variant.citations.map((c) => c.key)).toEqual(bundled.citations.map((c) => c.key))
  })
})
