/**
 * The revalidation webhook acts on each signed delivery once, two real events sent within one
 * second both count, cached pages carry hashes of exactly their inline scripts, and a production
 * site served over https sends Strict-Transport-Security.
 */
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { PUBLISH, request, signedWebhook, startFront, startUpstream, type FakeUpstream, type RunningFront, SECRET } from './harness'
import { sendRevalidation } from '../../../src/webhook/send'
import { signRevalidation } from '../../../src/webhook/signature'
import { hashedScriptSrc } from '../../../src/http/csp'
import { frontServerOptions, HSTS } from '../../../apps/web/front/options'
import { parseWebEnv } from '../../../src/env'

let upstream: FakeUpstream
let web: RunningFront

const INLINE = 'self.__next_f=self.__next_f||[]'
const PAGE = `<!doctype html><html><head><script src="/_next/static/a.js" async></script></head><body><h1>x</h1><script>${INLINE}</script><script type="application/ld+json">{"@type":"Article"}</script></body></html>`

async function start(overrides: Parameters<typeof startFront>[1] = {}): Promise<void> {
  upstream = await startUpstream((_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE))
  web = await startFront(upstream.url, overrides)
}

afterEach(async () => {
  await web.close()
  await upstream.close()
})

describe('webhook replay', () => {
  it('refuses a second delivery of the same signed request, and purges nothing for it', async () => {
    await start()
    await request(`${web.base}/a`)
    const body = JSON.stringify(PUBLISH)
    const signature = signRevalidation(body, SECRET)
    expect((await signedWebhook(web.base, body, { signature })).status).toBe(200)
    await request(`${web.base}/a`)
    const replay = await signedWebhook(web.base, body, { signature })
    expect(replay.status).toBe(409)
    expect(JSON.parse(replay.text)).toEqual({ errors: [{ message: 'this webhook was already received' }] })
    expect((await request(`${web.base}/a`)).headers['x-cache']).toBe('HIT')
  })

  it('accepts two real events sent within the same second', async () => {
    await start()
    const [first, second] = await Promise.all([sendRevalidation(web.base, SECRET, PUBLISH), sendRevalidation(web.base, SECRET, PUBLISH)])
    expect([first.status, second.status]).toEqual([200, 200])
  })
})

describe('script-src of cached pages', () => {
  it('lists the hash of each inline script and nothing for data blocks or external scripts', () => {
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`
    expect(hashedScriptSrc(PAGE)).toBe(`script-src 'self' ${hash}`)
  })

  it('allows no inline script on a cached page, whose scripts the front server removed', async () => {
    await start()
    for (const label of ['MISS', 'HIT']) {
      const reply = await request(`${web.base}/page`)
      expect(reply.headers['x-cache']).toBe(label)
      expect(reply.text).not.toContain(INLINE)
      expect(reply.headers['content-security-policy']).toBe(`frame-ancestors 'self' http://cms.test:3000; script-src 'self'`)
    }
  })
})

describe('Strict-Transport-Security on the reader site', () => {
  const env = (over: Record<string, string>) => parseWebEnv({ REVALIDATE_SECRET: SECRET, PAYLOAD_SECRET: SECRET, PREVIEW_SECRET: SECRET, ...over }, () => undefined)

  it('is sent in production over https, and not otherwise', async () => {
    const production = frontServerOptions(env({ NODE_ENV: 'production', WEB_URL: 'https://example.org' }), new URL('http://127.0.0.1:1'), false)
    upstream = await startUpstream((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'))
    web = await startFront(upstream.url, { extraHeaders: production.extraHeaders })
    expect((await request(`${web.base}/x`)).headers['strict-transport-security']).toBe(HSTS)
    expect(frontServerOptions(env({ NODE_ENV: 'production', WEB_URL: 'http://example.org' }), new URL('http://127.0.0.1:1'), false).extraHeaders).toBeUndefined()
    expect(frontServerOptions(env({ NODE_ENV: 'development', WEB_URL: 'https://example.org' }), new URL('http://127.0.0.1:1'), true).extraHeaders).toBeUndefined()
  })
})
