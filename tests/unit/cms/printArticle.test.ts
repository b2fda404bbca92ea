import { afterEach, describe, expect, it } from 'vitest'
import { main } from '../../../examples/print-article'
import { article, listOf, olderSummary, summary } from './fixtures'
import { type LocalServer, sendJson, startServer } from './localServer'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A fake CMS with fixed JSON: the list, one article, 404 for any other slug. */
async function fakeCms() {
  server = await startServer((req, res) => {
    if (req.url.startsWith('/api/articles?')) sendJson(res, 200, listOf([summary, olderSummary]))
    else if (req.url === '/api/articles/by-slug/ketamine') sendJson(res, 200, article)
    else if (req.url === '/api/articles/by-slug/psilocybin') {
      sendJson(res, 200, { ...article, ...olderSummary, authors: [], sections: [article.sections[0]], citations: [] })
    } else sendJson(res, 404, { errors: [{ message: 'Not Found' }] })
  })
  return server
}

function capture() {
  const chunks: string[] = []
  return { write: (chunk: string) => chunks.push(chunk), text: () => chunks.join('') }
}

const LIST = `Published articles (2):
  2024-03-01  Ketamine
  2023-11-20  Psilocybin
`

describe('examples/print-article', () => {
  it('lists the articles, then prints the newest with sections and numbered references', async () => {
    const { baseURL } = await fakeCms()
    const out = capture()
    const err = capture()

    expect(await main([baseURL], { out, err })).toBe(0)
    expect(err.text()).toBe('')
    expect(out.text()).toBe(
      LIST +
        `
Ketamine
========

What the evidence says about ketamine.

By Dr. Ada Example · Published 2024-03-01 · Reviewed 2024-06-15

Ketamine is a dissociative anaesthetic.

Depression
----------
Zarate et al. (2006) found a rapid effect.

References
----------
1. Zarate CA, Singh JB, Carlson PJ (2006). A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression. Arch Gen Psychiatry. https://doi.org/10.1001/archpsyc.63.8.856
2. Field notes (n.d.) [not verified]
`,
    )
  })

  it('prints the article named on the command line', async () => {
    const { baseURL, requests } = await fakeCms()
    const out = capture()

    expect(await main([baseURL, 'psilocybin'], { out })).toBe(0)
    expect(out.text()).toBe(
      LIST +
        `
Psilocybin
==========

Published 2023-11-20

Ketamine is a dissociative anaesthetic.
`,
    )
    expect(requests.map((r) => r.url.split('?')[0])).toEqual(['/api/articles', '/api/articles/by-slug/psilocybin'])
  })

  it('reports a missing article on stderr with exit code 1', async () => {
    const { baseURL } = await fakeCms()
    const out = capture()
    const err = capture()

    expect(await main([baseURL, 'nope'], { out, err })).toBe(1)
    expect(out.text()).toBe(LIST)
    expect(err.text()).toBe(`Error 404: Not Found (${baseURL}/api/articles/by-slug/nope)\n`)
  })

  it('prints usage without a base URL', async () => {
    const err = capture()
    expect(await main([], { err })).toBe(2)
    expect(err.text()).toBe('Usage: tsx examples/print-article.ts <baseURL> [slug]\n')
  })
})
