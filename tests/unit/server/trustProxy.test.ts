import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress, parseTrustProxy } from '../../../src/http/trustProxy'
import { parseCmsEnv, parseWebEnv } from '../../../src/env'
import { rateLimitKey } from '../../../apps/cms/http/rateLimit'
import { readerSiteKey, SITE_KEY_HEADER } from '../../../src/http/siteKey'

/** Just what clientAddress reads: the peer and the headers. */
const from = (peer: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress: peer }, headers }) as unknown as IncomingMessage

describe('TRUST_PROXY', () => {
  it('accepts a list of addresses, CIDRs and named ranges', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 203.0.113.7, loopback, 2001:db8::/32')
    for (const address of ['10.1.2.3', '203.0.113.7', '127.0.0.1', '::1', '::ffff:10.9.9.9', '2001:db8::1']) expect(trust.trusts(address), address).toBe(true)
    for (const address of ['11.0.0.1', '203.0.113.8', '2001:db9::1', 'garbage']) expect(trust.trusts(address), address).toBe(false)
    expect(parseTrustProxy('false').trusts('127.0.0.1')).toBe(false)
  })

  it('names the client as the last address a trusted proxy forwarded for', () => {
    const trust = parseTrustProxy('10.0.0.0/8')
    // Behind a remote load balancer, each visitor is their own client...
    expect(clientAddress(from('10.0.0.5', { 'x-forwarded-for': '198.51.100.1' }), trust)).toBe('198.51.100.1')
    // ...and what a visitor writes into the header themselves is left of what the proxy appended.
    expect(clientAddress(from('10.0.0.5', { 'x-forwarded-for': '1.2.3.4, 198.51.100.1' }), trust)).toBe('198.51.100.1')
    // Through two trusted hops.
    expect(clientAddress(from('10.0.0.5', { 'x-forwarded-for': '198.51.100.1, 10.0.0.9' }), trust)).toBe('198.51.100.1')
    // Anyone else's header is ignored.
    expect(clientAddress(from('198.51.100.2', { 'x-forwarded-for': '1.2.3.4' }), trust)).toBe('198.51.100.2')
  })

  it('refuses a bad entry, naming the variable and the entry', () => {
    expect(() => parseCmsEnv({ TRUST_PROXY: '10.0.0.0/8,10.0.0.300' }, () => undefined)).toThrow(/TRUST_PROXY: "10\.0\.0\.300" is not an IP address/)
    expect(() => parseWebEnv({ TRUST_PROXY: '10.0.0.0/33' }, () => undefined)).toThrow(/TRUST_PROXY: "10\.0\.0\.0\/33"/)
  })
})

describe('rate-limit buckets on the CMS', () => {
  const key = readerSiteKey('x'.repeat(40))
  const keyOf = rateLimitKey(parseTrustProxy('loopback'), key)

  it('does not count the reader site, recognised by its key and never by its address', () => {
    expect(keyOf(from('127.0.0.1', { [SITE_KEY_HEADER]: key }))).toBeNull()
    expect(keyOf(from('198.51.100.3', { [SITE_KEY_HEADER]: key }))).toBeNull()
    expect(keyOf(from('127.0.0.1'))).toBe('127.0.0.1')
    expect(keyOf(from('127.0.0.1', { [SITE_KEY_HEADER]: readerSiteKey('y'.repeat(40)) }))).toBe('127.0.0.1')
    expect(keyOf(from('127.0.0.1', { [SITE_KEY_HEADER]: '' }))).toBe('127.0.0.1')
  })
})
