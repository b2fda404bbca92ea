import { afterEach, describe, expect, it } from 'vitest'
import { CmsError, createCmsClient, isCmsError } from '../../../src/cms'
import { LIST_ALL_MAX_PAGES, LIST_ALL_PAGE_SIZE } from '../../../src/cms/client'
import { article, listOf, olderSummary, summary } from './fixtures'
import { type Handler, type LocalServer, queryOf, sendJson, startServer } from './localServer'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function serve(handler: Handler) {
  server = await startServer(handler)
  return server
}

/** The rejection of `promise`, which must be a CmsError. */
async function cmsErrorOf(promise: Promise<unknown>): Promise<CmsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof CmsError)) throw new Error(`expected a CmsError, got ${String(error)}`)
  return error
}

const SELECT =
  'select[id]=true&select[slug]=true&select[title]=true&select[summary]=true&select[publication]=true' +
  '&select[publishedAt]=true&select[lastReviewedAt]=true&select[readingTimeMinutes]=true&select[updatedAt]=true'

describe('listArticles', () => {
  it('asks for depth 0 and exactly the summary fields, and returns the parsed list', async () => {
    const { baseURL, requests } = await serve((_req, res) => sendJson(res, 200, listOf([summary, olderSummary])))
    const list = await createCmsClient({ baseURL }).listArticles()

    expect(list).toEqual(listOf([summary, olderSummary]))
    expect(requests.map((r) => r.url)).toEqual([`/api/articles?depth=0&limit=10&page=1&sort=-publishedAt&${SELECT}`])
    expect(requests[0]?.headers.accept).toBe('application/json')
  })

  it('encodes page, limit, sort and a nested where in bracket syntax', async () => {
    const { baseURL, requests } = await serve((_req, res) => sendJson(res, 200, listOf([])))
    await createCmsClient({ baseURL: `${baseURL}/` }).listArticles({
      page: 2,
      limit: 5,
      sort: 'title',
      where: { or: [{ slug: { equals: 'a b' } }, { title: { like: 'x&y' } }] },
    })
    expect(requests[0]?.url).toBe(
      `/api/articles?depth=0&limit=5&page=2&sort=title&${SELECT}` +
        '&where[or][0][slug][equals]=a%20b&where[or][1][title][like]=x%26y',
    )
  })

  it('drops fields outside the contract instead of passing them on', async () => {
    const { baseURL } = await serve((_req, res) => sendJson(res, 200, { ...listOf([]), docs: [{ ...summary, secret: 'x' }] }))
    const list = await createCmsClient({ baseURL }).listArticles()
    expect(list.docs[0]).toEqual(summary)
  })

  it('throws a CmsError naming the field path when the body does not match the schema', async () => {
    const broken = { ...listOf([summary]), docs: [{ ...summary, title: 42 }] }
    const { baseURL } = await serve((_req, res) => sendJson(res, 200, broken))
    const error = await cmsErrorOf(createCmsClient({ baseURL }).listArticles())

    expect(error.status).toBe(200)
    expect(error.message).toBe('docs.0.title: expected string, received number')
    expect(error.errors[0]?.path).toEqual(['docs', '0', 'title'])
    expect(error.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/articles\?depth=0/)
  })

  it('names every failing path, including missing fields', async () => {
    const { updatedAt: _dropped, ...noUpdatedAt } = summary
    const broken = { ...listOf([]), docs: [noUpdatedAt], page: '1' }
    const { baseURL } = await serve((_req, res) => sendJson(res, 200, broken))
    const error = await cmsErrorOf(createCmsClient({ baseURL }).listArticles())
    expect(error.errors.map((e) => e.message)).toEqual([
      'docs.0.updatedAt: expected string, received undefined',
      'page: expected number, received string',
    ])
  })

  it('throws a CmsError when a 2xx body is not JSON', async () => {
    const { baseURL } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html>proxy page</html>')
    })
    const error = await cmsErrorOf(createCmsClient({ baseURL, retries: 0 }).listArticles())
    expect([error.status, error.message]).toEqual([200, 'Response body is not JSON'])
  })
})

describe('getArticleBySlug', () => {
  it('requests the encoded slug and parses the assembled article', async () => {
    const { baseURL, requests } = await serve((_req, res) => sendJson(res, 200, article))
    const client = createCmsClient({ baseURL })

    expect(await client.getArticleBySlug('ketamine')).toEqual(article)
    await client.getArticleBySlug('a/b c?', { draft: true })
    expect(requests.map((r) => r.url)).toEqual([
      '/api/articles/by-slug/ketamine',
      '/api/articles/by-slug/a%2Fb%20c%3F?draft=true',
    ])
  })

  it('maps 404 to a CmsError carrying the server message', async () => {
    const { baseURL, requests } = await serve((_req, res) => sendJson(res, 404, { errors: [{ message: 'Article not found' }] }))
    const error = await cmsErrorOf(createCmsClient({ baseURL }).getArticleBySlug('missing'))

    expect(error).toBeInstanceOf(CmsError)
    expect(isCmsError(error)).toBe(true)
    expect(error.status).toBe(404)
    expect(error.message).toBe('Article not found')
    expect(error.errors).toEqual([{ message: 'Article not found' }])
    expect(error.url).toBe(`${baseURL}/api/articles/by-slug/missing`)
    expect(requests).toHaveLength(1)
  })

  it('falls back to the status text when the error body is not Payload JSON', async () => {
    const { baseURL } = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<h1>nope</h1>')
    })
    const error = await cmsErrorOf(createCmsClient({ baseURL }).getArticleBySlug('missing'))
    expect([error.status, error.message]).toEqual([404, 'Not Found'])
  })

  it('sends If-None-Match and reports 304 as notModified (or as CmsError 304 from getArticleBySlug)', async () => {
    const { baseURL, requests } = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' })
        res.end()
      } else sendJson(res, 200, article, { etag: '"v1"' })
    })
    const client = createCmsClient({ baseURL })

    expect(await client.getArticleBySlugConditional('ketamine')).toEqual({ notModified: false, article, etag: '"v1"' })
    expect(await client.getArticleBySlugConditional('ketamine', { ifNoneMatch: '"v1"' })).toEqual({
      notModified: true,
      etag: '"v1"',
    })
    const error = await cmsErrorOf(client.getArticleBySlug('ketamine', { ifNoneMatch: '"v1"' }))
    expect([error.status, error.message]).toEqual([304, 'Not Modified'])
    expect(requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"', '"v1"'])
  })

  it('rejects an empty slug before any request', async () => {
    await expect(createCmsClient({ baseURL: 'http://127.0.0.1:9' }).getArticleBySlug('')).rejects.toThrow(TypeError)
  })
})

describe('retries and timeouts', () => {
  it('retries a 503 and returns the later success', async () => {
    let calls = 0
    const { baseURL, requests } = await serve((_req, res) => {
      calls += 1
      if (calls <= 2) sendJson(res, 503, { errors: [{ message: 'Service Unavailable' }] })
      else sendJson(res, 200, article)
    })
    expect(await createCmsClient({ baseURL }).getArticleBySlug('ketamine')).toEqual(article)
    expect(requests).toHaveLength(3)
  })

  it('gives up after `retries` extra attempts with the last 5xx', async () => {
    const { baseURL, requests } = await serve((_req, res) => sendJson(res, 500, { errors: [{ message: 'boom' }] }))
    const error = await cmsErrorOf(createCmsClient({ baseURL, retries: 1 }).getArticleBySlug('ketamine'))
    expect([error.status, error.message]).toEqual([500, 'boom'])
    expect(requests).toHaveLength(2)
  })

  it('never retries a 4xx', async () => {
    const { baseURL, requests } = await serve((_req, res) =>
      sendJson(res, 400, { errors: [{ message: 'The following path cannot be queried: nope' }] }),
    )
    const error = await cmsErrorOf(createCmsClient({ baseURL }).listArticles({ where: { nope: { equals: 1 } } }))
    expect([error.status, error.message]).toEqual([400, 'The following path cannot be queried: nope'])
    expect(requests).toHaveLength(1)
  })

  it('times out with status 0, retrying the timeout', async () => {
    // Never answers: the client's timeout is the only way out.
    const { baseURL, requests } = await serve(() => undefined)
    const started = Date.now()
    const error = await cmsErrorOf(createCmsClient({ baseURL, timeoutMs: 100, retries: 1 }).getArticleBySlug('ketamine'))

    expect(error.status).toBe(0)
    expect(error.message).toBe('Timed out after 100 ms')
    expect(requests).toHaveLength(2)
    // Budget: two 100 ms timeouts and one retry back-off; at most 377 ms measured on 2 cores under a
    // CPU burner and other test runs. A client waiting on the silent server would never return.
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('reports a refused connection as status 0', async () => {
    const closed = await startServer(() => undefined)
    await closed.close()
    const error = await cmsErrorOf(createCmsClient({ baseURL: closed.baseURL, retries: 1 }).listArticles())
    expect(error.status).toBe(0)
    expect(error.message).toMatch(/^Network error: .*ECONNREFUSED/)
  })

  it('does not retry once the caller aborted', async () => {
    const controller = new AbortController()
    // Aborted once the server has the request (in flight, never answered).
    const { baseURL, requests } = await serve(() => controller.abort())
    const client = createCmsClient({ baseURL, timeoutMs: 5000, retries: 2 })
    const error = await cmsErrorOf(client.getArticleBySlug('ketamine', { init: { signal: controller.signal } }))
    expect([error.status, error.message]).toEqual([0, 'Request aborted'])
    expect(requests).toHaveLength(1)
  })
})

describe('headers and fetch options', () => {
  it('merges client and call headers and passes framework init keys through to fetch', async () => {
    const { baseURL, requests } = await serve((_req, res) => sendJson(res, 200, article))
    const inits: RequestInit[] = []
    // A recording wrapper around the real fetch: the request still goes over the socket.
    const recordingFetch: typeof fetch = (input, init) => {
      if (init) inits.push(init)
      return fetch(input, init)
    }
    const client = createCmsClient({
      baseURL,
      fetch: recordingFetch,
      headers: { authorization: 'users API-Key k1', 'x-app': 'web' },
      init: { cache: 'no-store', next: { revalidate: 60 } },
    })
    await client.getArticleBySlug('ketamine', {
      draft: true,
      headers: { authorization: 'users API-Key k2' },
      init: { next: { revalidate: 0 } },
    })

    expect(requests[0]?.headers).toMatchObject({ authorization: 'users API-Key k2', 'x-app': 'web', accept: 'application/json' })
    expect(inits[0]).toMatchObject({ method: 'GET', cache: 'no-store', next: { revalidate: 0 } })
  })
})

describe('listAllArticles', () => {
  const docs = Array.from({ length: 2 * LIST_ALL_PAGE_SIZE + 50 }, (_, i) => ({ ...summary, id: i + 1, slug: `a-${i + 1}` }))

  it('pages through LIST_ALL_PAGE_SIZE at a time until there is no next page', async () => {
    const { baseURL, requests } = await serve((req, res) => {
      const page = Number(queryOf(req).get('page'))
      const limit = Number(queryOf(req).get('limit'))
      sendJson(res, 200, listOf(docs.slice((page - 1) * limit, page * limit), { page, limit, totalDocs: docs.length }))
    })
    const all = await createCmsClient({ baseURL }).listAllArticles()

    expect(all.map((d) => d.slug)).toEqual(docs.map((d) => d.slug))
    expect(requests.map((r) => [queryOf(r).get('page'), queryOf(r).get('limit')])).toEqual([
      ['1', String(LIST_ALL_PAGE_SIZE)],
      ['2', String(LIST_ALL_PAGE_SIZE)],
      ['3', String(LIST_ALL_PAGE_SIZE)],
    ])
  })

  it('stops after LIST_ALL_MAX_PAGES even if the server always claims a next page', async () => {
    const { baseURL, requests } = await serve((req, res) => {
      const page = Number(queryOf(req).get('page'))
      sendJson(res, 200, { ...listOf([summary], { page, limit: LIST_ALL_PAGE_SIZE }), hasNextPage: true, nextPage: page + 1 })
    })
    const all = await createCmsClient({ baseURL }).listAllArticles()
    expect(all).toHaveLength(LIST_ALL_MAX_PAGES)
    expect(requests).toHaveLength(LIST_ALL_MAX_PAGES)
  })
})
