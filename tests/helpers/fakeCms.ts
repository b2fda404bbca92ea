/**
 * A fake CMS on node:http that speaks the REST contract of `src/cms/schemas.ts`, for tests and for
 * looking at the reader site without Payload and a database.
 *
 * It serves exactly the calls the client makes:
 *   GET /api/articles?page&limit&sort&...      published summaries, Payload's paginated envelope
 *   GET /api/articles/by-slug/<slug>[?draft=true]  an AssembledArticle; the draft needs a valid session
 *   GET /api/users/me                           { user } for a `JWT` Authorization header or `payload-token` cookie, else { user: null }
 * Every fixture is parsed with the contract schemas at start-up, so a fixture that drifts fails loudly.
 *
 * Failure modes for the error-path tests: `setFailure(503)` answers every request with that status and
 * Payload's error body; `setFailure('hang')` never answers (client timeouts); `setFailure(null)` heals.
 *
 * Run by hand: `npx tsx tests/helpers/fakeCms.ts [port]` (default 3000).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { AssembledArticle, ArticleSummary, type Citation, type Section } from '../../src/cms/schemas'
import { pageOf } from '../../src/cms/pageOf'
import { unsourcedCitation } from '../fixtures/citations'

export const FAKE_CMS_TOKEN = 'fake.editor.token'

export interface FakeCmsOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Published articles; default `fixtureArticles()`. */
  articles?: AssembledArticle[]
  /** Draft versions by slug, returned only for `?draft=true` with a valid session. */
  drafts?: AssembledArticle[]
  /** The `payload-token` value /api/users/me accepts. */
  validToken?: string
}

export type Failure = number | 'hang' | null

export interface FakeCms {
  url: string
  port: number
  /** Paths (with query) of every request received, oldest first. */
  requests: string[]
  setFailure(failure: Failure): void
  setArticles(articles: AssembledArticle[]): void
  close(): Promise<void>
}

const errorBody = (message: string): string => JSON.stringify({ errors: [{ message }] })

function summaryOf(article: AssembledArticle): ArticleSummary {
  return ArticleSummary.parse({
    id: article.id,
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    publication: article.publication,
    publishedAt: article.publishedAt,
    lastReviewedAt: article.lastReviewedAt,
    readingTimeMinutes: article.readingTimeMinutes,
    updatedAt: article.updatedAt,
  })
}

/** Payload sort syntax: "field" ascending, "-field" descending; only date fields are needed here. */
function sortSummaries(docs: ArticleSummary[], sort: string): ArticleSummary[] {
  const desc = sort.startsWith('-')
  const field = (desc ? sort.slice(1) : sort) as 'publishedAt' | 'updatedAt' | 'title'
  const value = (a: ArticleSummary): string => a[field] ?? ''
  return [...docs].sort((a, b) => (desc ? value(b).localeCompare(value(a)) : value(a).localeCompare(value(b))))
}

function paginate(all: ArticleSummary[], page: number, limit: number) {
  return pageOf(all.slice((page - 1) * limit, page * limit), { page, limit, totalDocs: all.length })
}

/** Like Payload: a session from `Authorization: JWT <token>` (how servers send it) or the cookie. */
function tokenOf(req: http.IncomingMessage): string | null {
  const bearer = /^JWT (\S+)$/.exec(req.headers.authorization ?? '')
  if (bearer) return bearer[1] ?? null
  const match = /(?:^|;\s*)payload-token=([^;]+)/.exec(req.headers.cookie ?? '')
  return match?.[1] ?? null
}

export async function startFakeCms(options: FakeCmsOptions = {}): Promise<FakeCms> {
  let published = (options.articles ?? fixtureArticles()).map((a) => AssembledArticle.parse(a))
  const drafts = new Map((options.drafts ?? []).map((a) => [a.slug, AssembledArticle.parse(a)]))
  const validToken = options.validToken ?? FAKE_CMS_TOKEN
  let failure: Failure = null
  const requests: string[] = []

  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '')
    if (failure === 'hang') return
    const send = (status: number, body: string): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(body)
    }
    if (typeof failure === 'number') return send(failure, errorBody('Simulated failure'))
    const url = new URL(req.url ?? '/', 'http://fake')
    if (req.method !== 'GET') return send(405, errorBody('Method Not Allowed'))

    if (url.pathname === '/api/articles') {
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1)
      const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 10) || 10)
      const sorted = sortSummaries(published.map(summaryOf), url.searchParams.get('sort') ?? '-publishedAt')
      return send(200, JSON.stringify(paginate(sorted, page, limit)))
    }
    const bySlug = /^\/api\/articles\/by-slug\/([^/]+)$/.exec(url.pathname)
    if (bySlug) {
      const slug = decodeURIComponent(bySlug[1] ?? '')
      const wantsDraft = url.searchParams.get('draft') === 'true' && tokenOf(req) === validToken
      const article = (wantsDraft ? drafts.get(slug) : undefined) ?? published.find((a) => a.slug === slug)
      return article ? send(200, JSON.stringify(article)) : send(404, errorBody('Not Found'))
    }
    if (url.pathname === '/api/users/me') {
      const user = tokenOf(req) === validToken ? { id: 1, email: 'editor@example.org', collection: 'users' } : null
      return send(200, JSON.stringify({ user }))
    }
    return send(404, errorBody('Not Found'))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setFailure: (f) => {
      failure = f
    },
    setArticles: (articles) => {
      published = articles.map((a) => AssembledArticle.parse(a))
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures. Test data shaped like the seeded ketamine article; the seed, not this file, is the
// editorial source. One reference deliberately has no identifier ("needs source" path), and one
// article carries markup-like text to prove escaping in HTML, JSON-LD, RSS and BibTeX.

function cite(n: number, k: number): string {
  return `<sup class="cite"><a id="cite-${n}-${k}" href="#ref-${n}" role="doc-noteref">[${n}]</a></sup>`
}

function section(id: number, heading: string | null, anchor: string, html: string, text: string): Section {
  return {
    id,
    heading,
    anchor,
    body: { root: { type: 'root', children: [] } },
    html,
    text,
  }
}

const ketamineCitations: Citation[] = [
  {
    id: 101,
    number: 1,
    label: 'Zarate et al. (2006)',
    authors: 'Zarate CA Jr, Singh JB, Carlson PJ, et al.',
    authorList: [
      { family: 'Zarate', given: 'Carlos A Jr', suffix: null },
      { family: 'Singh', given: 'Jaskaran B', suffix: null },
      { family: 'Carlson', given: 'Paul J', suffix: null },
    ],
    year: 2006,
    title: 'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression',
    journal: 'Archives of General Psychiatry',
    journalAbbreviation: 'Arch Gen Psychiatry',
    volume: '63',
    issue: '8',
    pages: '856-864',
    publicationType: 'article-journal',
    studyType: 'Randomized controlled trial',
    doi: '10.1001/archpsyc.63.8.856',
    pmid: '16894061',
    url: null,
    verified: true,
    citedFrom: ['cite-1-1', 'cite-1-2'],
  },
  {
    id: 102,
    number: 2,
    label: 'Feder et al. (2014)',
    authors: 'Feder A, Parides MK, Murrough JW, et al.',
    authorList: [{ family: 'Feder', given: 'Adriana', suffix: null }],
    year: 2014,
    title: 'Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial',
    journal: 'JAMA Psychiatry',
    journalAbbreviation: 'JAMA Psychiatry',
    volume: '71',
    issue: '6',
    pages: '681-688',
    publicationType: 'article-journal',
    studyType: 'Randomized controlled trial',
    doi: 'https://doi.org/10.1001/jamapsychiatry.2014.62',
    pmid: null,
    url: null,
    verified: true,
    citedFrom: ['cite-2-1'],
  },
  unsourcedCitation({ id: 103, number: 3, label: 'Caddy et al. (2015)', authors: 'Caddy C, et al.', year: 2015, studyType: 'Systematic review and meta-analysis', citedFrom: ['cite-3-1'] }),
]

const ketamineSections: Section[] = [
  section(
    1,
    null,
    'introduction',
    '<p>In recent years, the field of mental health has witnessed a paradigm shift with the emergence of ketamine as a potential game-changer. This powerful anesthetic drug is now demonstrating promising results in the treatment of various mental health conditions.</p>',
    'In recent years, the field of mental health has witnessed a paradigm shift with the emergence of ketamine as a potential game-changer. This powerful anesthetic drug is now demonstrating promising results in the treatment of various mental health conditions.',
  ),
  section(
    2,
    'Understanding the Mechanisms of Ketamine',
    'understanding-the-mechanisms-of-ketamine',
    '<p>Ketamine works on a different neurochemical pathway compared to conventional antidepressant medications. By blocking a specific receptor called N-methyl-D-aspartate (NMDA), ketamine modulates glutamate transmission, leading to rapid antidepressant effects.</p>',
    'Ketamine works on a different neurochemical pathway compared to conventional antidepressant medications. By blocking a specific receptor called N-methyl-D-aspartate (NMDA), ketamine modulates glutamate transmission, leading to rapid antidepressant effects.',
  ),
  section(
    3,
    'Clinical Efficacy: Hope for Treatment-Resistant Conditions',
    'clinical-efficacy',
    `<p><strong class="run-in">Depression:</strong> In a randomized controlled trial, Zarate et al. (2006)${cite(1, 1)} found that a single intravenous infusion of ketamine led to a significant reduction in depressive symptoms within 24 hours. Later work${cite(1, 2)} confirmed these findings.</p>` +
      `<p><strong class="run-in">PTSD and Trauma-Related Conditions:</strong> A study by Feder et al. (2014)${cite(2, 1)} demonstrated that ketamine infusion therapy reduced PTSD symptom severity.</p>` +
      `<p><strong class="run-in">Suicidal Ideation:</strong> In a systematic review and meta-analysis, Caddy et al. (2015)${cite(3, 1)} reported a significant decrease in suicidal thoughts following ketamine treatment.</p>`,
    'Depression: In a randomized controlled trial, Zarate et al. (2006) found that a single intravenous infusion of ketamine led to a significant reduction in depressive symptoms within 24 hours. Later work confirmed these findings. PTSD and Trauma-Related Conditions: A study by Feder et al. (2014) demonstrated that ketamine infusion therapy reduced PTSD symptom severity. Suicidal Ideation: In a systematic review and meta-analysis, Caddy et al. (2015) reported a significant decrease in suicidal thoughts following ketamine treatment.',
  ),
  section(
    4,
    'The Way Forward: Toward a Promising Future',
    'the-way-forward',
    '<p>Further research is needed to elucidate long-term efficacy, standardize protocols, and address public perception concerns.</p>',
    'Further research is needed to elucidate long-term efficacy, standardize protocols, and address public perception concerns.',
  ),
]

export const KETAMINE_SLUG = 'ketamine-a-promising-breakthrough'
export const TRICKY_SLUG = 'escaping-test'

export function ketamineArticle(): AssembledArticle {
  return {
    id: 1,
    slug: KETAMINE_SLUG,
    title: 'Ketamine: A Promising Breakthrough in Mental Health Treatment',
    summary: 'How ketamine acts on glutamate, what trials show for depression, PTSD and suicidal ideation, and what is still unknown.',
    publication: 'Tripsitter Psychedelics',
    publishedAt: '2024-03-05T09:30:00.000Z',
    lastReviewedAt: '2024-06-01T00:00:00.000Z',
    readingTimeMinutes: 6,
    updatedAt: '2024-06-02T12:00:00.000Z',
    authors: [
      { id: 11, name: 'Jane Q. Public', slug: 'jane-q-public', credentials: 'MD', bio: null },
      { id: 12, name: 'John Doe', slug: 'john-doe', credentials: null, bio: null },
    ],
    medicalReviewer: null,
    heroImage: null,
    topics: [],
    related: [],
    sections: ketamineSections,
    citations: ketamineCitations,
  }
}

/** Markup and TeX specials in every free-text field; `</script>` must not escape the JSON-LD. */
export function trickyArticle(): AssembledArticle {
  return {
    id: 2,
    slug: TRICKY_SLUG,
    title: 'Dosing & "safety" </script><script>alert(1)</script> 100% of $5_a^b~c#d{e}',
    summary: 'Summary with <b>tags</b> & ampersands',
    publication: null,
    publishedAt: '2024-01-15T00:00:00.000Z',
    lastReviewedAt: null,
    readingTimeMinutes: null,
    updatedAt: '2024-01-16T00:00:00.000Z',
    authors: [],
    medicalReviewer: null,
    heroImage: null,
    topics: [],
    related: [],
    sections: [section(21, null, 'introduction', '<p>Only an introduction.</p>', 'Only an introduction.')],
    citations: [],
  }
}

/** `count` small articles, one a day back from 2023-12-31, for pagination. */
export function fillerArticles(count: number): AssembledArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2023, 11, 31 - i)).toISOString()
    return {
      id: 1000 + i,
      slug: `filler-${i + 1}`,
      title: `Filler article ${i + 1}`,
      summary: `Summary of filler article ${i + 1}.`,
      publication: 'Tripsitter',
      publishedAt: day,
      lastReviewedAt: null,
      readingTimeMinutes: 2,
      updatedAt: day,
      authors: [],
      medicalReviewer: null,
      heroImage: null,
      topics: [],
      related: [],
      sections: [section(5000 + i, null, 'introduction', '<p>Filler.</p>', 'Filler.')],
      citations: [],
    }
  })
}

/** 14 articles: two pages on the front page (10 a page). */
export function fixtureArticles(): AssembledArticle[] {
  return [ketamineArticle(), trickyArticle(), ...fillerArticles(12)]
}

// `npx tsx tests/helpers/fakeCms.ts [port]`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 3000)
  const draft = { ...ketamineArticle(), title: 'DRAFT: Ketamine, revised' }
  const cms = await startFakeCms({ port, drafts: [draft] })
  console.log(`fake CMS on ${cms.url} (token for previews: ${FAKE_CMS_TOKEN})`)
}
