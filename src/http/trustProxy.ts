/**
 * Which peers may name the real client in X-Forwarded-For: the same vocabulary as express's
 * `trust proxy` (addresses, CIDRs, and the names loopback, linklocal, uniquelocal), so a deployment
 * behind a remote load balancer can list it, and each visitor keeps a rate-limit bucket of their own.
 *
 * The client is the rightmost X-Forwarded-For address that is not itself a trusted proxy: anything
 * left of that was written by the client and could name any bucket it likes.
 */
import net from 'node:net'
import type { IncomingMessage } from 'node:http'

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
}

export interface TrustProxy {
  /** True when a connection from `address` may forward for someone else. */
  trusts(address: string): boolean
  /** The entries as given, for messages. */
  readonly entries: readonly string[]
}

export class TrustProxyError extends Error {}

const NONE: TrustProxy = { trusts: () => false, entries: [] }

/** `false` (or empty) trusts nobody; otherwise a comma-separated list. Throws naming a bad entry. */
export function parseTrustProxy(value: string): TrustProxy {
  const entries = value.split(',').map((s) => s.trim()).filter(Boolean)
  if (entries.length === 0 || (entries.length === 1 && entries[0] === 'false')) return NONE
  const list = new net.BlockList()
  for (const entry of entries) {
    for (const range of NAMED[entry] ?? [entry]) addRange(list, range, entry)
  }
  return { trusts: (address) => matches(list, address), entries }
}

function addRange(list: net.BlockList, range: string, entry: string): void {
  const [address = '', bits, ...rest] = range.split('/')
  const family = net.isIP(address)
  const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits)
  if (family === 0 || rest.length > 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
    throw new TrustProxyError(`"${entry}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal`)
  }
  list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4')
}

function matches(list: net.BlockList, address: string): boolean {
  // Dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d; the ranges are written as IPv4.
  const plain = address.startsWith('::ffff:') && net.isIPv4(address.slice(7)) ? address.slice(7) : address
  const family = net.isIP(plain)
  if (family === 0) return false
  return list.check(plain, family === 6 ? 'ipv6' : 'ipv4')
}

/** The client's address: the peer, or the last untrusted hop the trusted proxies forwarded for. */
export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  let address = req.socket.remoteAddress ?? 'unknown'
  if (!trust.trusts(address)) return address
  const header = req.headers['x-forwarded-for']
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    address = hops[i]!
    if (!trust.trusts(address)) return address
  }
  return address
}
