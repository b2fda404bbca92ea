import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { isHtmlPage, withoutFrameworkScripts } from '../../../apps/web/front/frameworkScripts'
import { frontPerTest, request } from './harness'

// The shapes Next 16 writes into an app-router page, trimmed: runtime chunks, their preloads, the
// inline RSC payload, and what must survive (JSON-LD, a font preload, the stylesheet, the content).
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>',
  '<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<script src="/_next/static/chunks/main-app.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<title>Ketamine</title></head><body><main><h1>Ketamine</h1><p>a &lt;script&gt; in text stays</p></main>',
  '<script type="application/ld+json">{"@context":"https://schema.org","headline":"Ketamine \\u003c/script\\u003e"}</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  '<script type="module">import "/x.js"</script>',
  '</body></html>',
].join('\n')

describe('withoutFrameworkScripts', () => {
  const stripped = withoutFrameworkScripts(PAGE)

  it('removes every script that runs and every preload of script', () => {
    expect(stripped).not.toMatch(/<script(?![^>]*application\/ld\+json)/)
    expect(stripped).not.toContain('__next_f')
    expect(stripped).not.toContain('webpack.js')
    expect(stripped).not.toContain('module.js')
    expect(stripped).not.toContain('main-app.js')
    expect(stripped).not.toContain('polyfills.js')
  })

  it('keeps structured data, the stylesheet, other preloads and the content as they were', () => {
    expect(stripped).toContain('<script type="application/ld+json">{"@context":"https://schema.org","headline":"Ketamine \\u003c/script\\u003e"}</script>')
    expect(stripped).toContain('<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>')
    expect(stripped).toContain('<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin="" type="font/woff2"/>')
    expect(stripped).toContain('<title>Ketamine</title></head><body><main><h1>Ketamine</h1><p>a &lt;script&gt; in text stays</p></main>')
    expect(stripped.endsWith('</body></html>')).toBe(true)
  })

  it('leaves a page without scripts byte for byte the same', () => {
    const plain = '<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>'
    expect(withoutFrameworkScripts(plain)).toBe(plain)
  })

  it('tells HTML pages from other responses', () => {
    expect(isHtmlPage('text/html; charset=utf-8')).toBe(true)
    expect(isHtmlPage('text/x-component')).toBe(false)
    expect(isHtmlPage('application/json')).toBe(false)
    expect(isHtmlPage(undefined)).toBe(false)
  })
})

describe('the front server', () => {
  const script = '<script>self.__next_f.push([1,"x"])</script>'
  // Long enough to be worth compressing.
  const page = PAGE.replace('</main>', `<p>${'lorem ipsum '.repeat(400)}</p></main>`)
  const servers = frontPerTest((req, res) => {
    const html = req.url === '/page'
    res.writeHead(200, { 'content-type': html ? 'text/html; charset=utf-8' : 'text/x-component' })
    res.end(html ? page : script)
  })

  it('caches and serves HTML pages without their scripts, with a matching length, and other responses untouched', async () => {
    for (const label of ['miss', 'hit']) {
      const res = await request(`${servers.web.base}/page`, { headers: { 'accept-encoding': 'identity' } })
      expect(res.text, label).toBe(withoutFrameworkScripts(page))
      expect(Number(res.headers['content-length']), label).toBe(res.body.length)
    }
    const compressed = await request(`${servers.web.base}/page`, { headers: { 'accept-encoding': 'gzip' } })
    expect(compressed.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(compressed.body).toString('utf8')).toBe(withoutFrameworkScripts(page))
    expect((await request(`${servers.web.base}/payload`)).text).toBe(script)
  })
})
