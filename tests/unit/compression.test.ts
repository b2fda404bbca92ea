import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { accepts, chooseEncoding, compressVariants, etagForEncoding } from '../../src/http/compression'

const json = Buffer.from(JSON.stringify({ docs: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `Article ${i}`, summary: 'Ketamine and depression.' })) }))

describe('compressVariants', () => {
  it('makes gzip and brotli variants that decompress to the same bytes', () => {
    const v = compressVariants(json, 'application/json; charset=utf-8')
    expect(gunzipSync(v.gzip!).equals(json)).toBe(true)
    expect(brotliDecompressSync(v.br!).equals(json)).toBe(true)
    expect(v.br!.length).toBeLessThan(json.length / 3)
  })

  it('leaves small bodies and images alone', () => {
    expect(compressVariants(Buffer.from('{"ok":true}'), 'application/json')).toEqual({ identity: Buffer.from('{"ok":true}') })
    expect(compressVariants(json, 'image/png').gzip).toBeUndefined()
  })
})

describe('Accept-Encoding negotiation', () => {
  const v = compressVariants(json, 'application/json')
  it('prefers brotli, then gzip, honouring q=0 and *', () => {
    expect(chooseEncoding('gzip, deflate, br', v)).toBe('br')
    expect(chooseEncoding('gzip', v)).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip', v)).toBe('gzip')
    expect(chooseEncoding('gzip;q=0', v)).toBe('identity')
    expect(chooseEncoding('*', v)).toBe('br')
    expect(chooseEncoding('*, br;q=0', v)).toBe('gzip')
    expect(chooseEncoding(undefined, v)).toBe('identity')
    expect(chooseEncoding('identity', v)).toBe('identity')
    expect(accepts('GZIP;Q=0.5', 'gzip')).toBe(true)
  })

  it('gives each encoding its own strong ETag', () => {
    expect(etagForEncoding('"abc"', 'identity')).toBe('"abc"')
    expect(etagForEncoding('"abc"', 'br')).toBe('"abc-br"')
    expect(etagForEncoding('"abc"', 'gzip')).toBe('"abc-gzip"')
  })
})
