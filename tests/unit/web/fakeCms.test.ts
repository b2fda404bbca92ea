/**
 * The fake CMS must speak the same contract as the real one, or tests built on it prove nothing:
 * drive it with the real client, which parses every response with the contract schemas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCmsClient, isCmsError } from '../../../src/cms'
import { FAKE_CMS_TOKEN, KETAMINE_SLUG, ketamineArticle, startFakeCms, type FakeCms } from '../../helpers/fakeCms'

let cms: FakeCms
beforeAll(async () => {
  cms = await startFakeCms({ drafts: [{ ...ketamineArticle(), title: 'Draft title' }] })
})
afterAll(() => cms.close())

const client = () => createCmsClient({ baseURL: cms.url, retries: 0, timeoutMs: 500 })

describe('fake CMS', () => {
  it('lists published articles newest first, 10 a page', async () => {
    const page1 = await client().listArticles({ page: 1, limit: 10 })
    expect(page1.totalDocs).toBe(14)
    expect(page1.totalPages).toBe(2)
    expect(page1.docs[0]?.slug).toBe(KETAMINE_SLUG)
    const page2 = await client().listArticles({ page: 2, limit: 10 })
    expect(page2.docs).toHaveLength(4)
    expect(page2.hasNextPage).toBe(false)
    expect(await client().listAllArticles()).toHaveLength(14)
  })

  it('serves an assembled article, 404 for an unknown slug', async () => {
    const article = await client().getArticleBySlug(KETAMINE_SLUG)
    expect(article.citations.map((c) => c.number)).toEqual([1, 2, 3])
    await expect(client().getArticleBySlug('nope')).rejects.toMatchObject({ status: 404 })
  })

  it('serves the draft only with draft=true and a valid session', async () => {
    const cookie = { cookie: `payload-token=${FAKE_CMS_TOKEN}` }
    expect((await client().getArticleBySlug(KETAMINE_SLUG, { draft: true, headers: cookie })).title).toBe('Draft title')
    expect((await client().getArticleBySlug(KETAMINE_SLUG, { draft: true })).title).not.toBe('Draft title')
    expect((await client().getArticleBySlug(KETAMINE_SLUG, { headers: cookie })).title).not.toBe('Draft title')
  })

  it('fails on demand with the status asked for', async () => {
    cms.setFailure(503)
    try {
      const error: unknown = await client().listArticles().catch((e: unknown) => e)
      expect(isCmsError(error) && error.status).toBe(503)
    } finally {
      cms.setFailure(null)
    }
  })

  it('answers /api/users/me like Payload', async () => {
    const me = (token: string) => fetch(`${cms.url}/api/users/me`, { headers: { cookie: `payload-token=${token}` } }).then((r) => r.json())
    expect(await me(FAKE_CMS_TOKEN)).toMatchObject({ user: { id: 1 } })
    expect(await me('wrong')).toEqual({ user: null })
  })
})
