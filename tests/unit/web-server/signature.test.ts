import { describe, expect, it } from 'vitest'
import { REVALIDATE_SIGNATURE_HEADER, signRevalidation, verifyRevalidation } from '../../../src/webhook/signature'
import { createHmac } from 'node:crypto'

const SECRET = 'a-secret-that-is-long-enough-for-tests'
const BODY = '{"event":"publish","collection":"articles","slugs":["a"]}'
const NOW = 1_750_000_000

describe('revalidation signatures', () => {
  it('uses the documented header name and format', () => {
    expect(REVALIDATE_SIGNATURE_HEADER).toBe('x-tripsitter-signature')
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex')
    expect(signRevalidation(BODY, SECRET, NOW)).toBe(`t=${NOW},v1=${expected}`)
  })

  it('verifies its own signature, from raw bytes too', () => {
    const header = signRevalidation(BODY, SECRET, NOW)
    expect(verifyRevalidation(header, BODY, SECRET, NOW)).toBe(true)
    expect(verifyRevalidation(header, Buffer.from(BODY), SECRET, NOW + 10)).toBe(true)
    const unicode = '{"slugs":["café-ß-💊"]}'
    expect(verifyRevalidation(signRevalidation(unicode, SECRET, NOW), Buffer.from(unicode, 'utf8'), SECRET, NOW)).toBe(true)
  })

  it('rejects another body, another secret, and an empty secret', () => {
    const header = signRevalidation(BODY, SECRET, NOW)
    expect(verifyRevalidation(header, `${BODY} `, SECRET, NOW)).toBe(false)
    expect(verifyRevalidation(header, BODY, `${SECRET}x`, NOW)).toBe(false)
    expect(verifyRevalidation(signRevalidation(BODY, '', NOW), BODY, '', NOW)).toBe(false)
  })

  it('rejects timestamps outside the tolerance, in either direction', () => {
    const header = signRevalidation(BODY, SECRET, NOW)
    expect(verifyRevalidation(header, BODY, SECRET, NOW + 300)).toBe(true)
    expect(verifyRevalidation(header, BODY, SECRET, NOW + 301)).toBe(false)
    expect(verifyRevalidation(header, BODY, SECRET, NOW - 301)).toBe(false)
    expect(verifyRevalidation(header, BODY, SECRET, NOW + 30, 10)).toBe(false)
  })

  it('rejects malformed headers', () => {
    const valid = signRevalidation(BODY, SECRET, NOW)
    const hex = valid.split('v1=')[1] ?? ''
    for (const header of [
      undefined,
      '',
      'garbage',
      `v1=${hex}`,
      `t=${NOW}`,
      `t=${NOW},v1=${hex.slice(1)}`,
      `t=${NOW},v1=${hex.toUpperCase()}`,
      `t=${NOW},v1=${hex},v1=${hex}`,
      `t=-${NOW},v1=${hex}`,
      `t=${NOW}.5,v1=${hex}`,
    ]) {
      expect(verifyRevalidation(header, BODY, SECRET, NOW), String(header)).toBe(false)
    }
  })
})
