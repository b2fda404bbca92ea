/** Fixed CMS responses shared by the client, OpenAPI and example tests. */
import type { ArticleList, ArticleSummary, AssembledArticle } from '../../../src/cms'
import { pageOf } from '../../../src/cms/pageOf'
import { unsourcedCitation } from '../../fixtures/citations'

const emptyBody = { root: { type: 'root' as const, children: [] } }

export const summary: ArticleSummary = {
  id: 1,
  slug: 'ketamine',
  title: 'Ketamine',
  summary: 'What the evidence says about ketamine.',
  publication: 'Tripsitter',
  publishedAt: '2024-03-01T09:00:00.000Z',
  lastReviewedAt: '2024-06-15T00:00:00.000Z',
  readingTimeMinutes: 7,
  updatedAt: '2024-06-15T00:00:00.000Z',
}

export const olderSummary: ArticleSummary = {
  ...summary,
  id: 2,
  slug: 'psilocybin',
  title: 'Psilocybin',
  summary: null,
  publishedAt: '2023-11-20T12:00:00.000Z',
  lastReviewedAt: null,
  readingTimeMinutes: null,
}

export const article: AssembledArticle = {
  ...summary,
  authors: [{ id: 10, name: 'Dr. Ada Example', slug: 'ada-example', credentials: 'MD', bio: null }],
  medicalReviewer: null,
  heroImage: null,
  topics: [],
  related: [],
  sections: [
    {
      id: 100,
      heading: null,
      anchor: 'introduction',
      body: emptyBody,
      html: '<p>Ketamine is a dissociative anaesthetic.</p>',
      text: 'Ketamine is a dissociative anaesthetic.',
    },
    {
      id: 101,
      heading: 'Depression',
      anchor: 'depression',
      body: emptyBody,
      html: '<p>Zarate et al. (2006) found a rapid effect.<a href="#ref-1">1</a></p>',
      text: 'Zarate et al. (2006) found a rapid effect.',
    },
  ],
  citations: [
    {
      id: 'c1',
      number: 1,
      label: 'Zarate et al. (2006)',
      authors: 'Zarate CA, Singh JB, Carlson PJ',
      authorList: [{ family: 'Zarate', given: 'CA', suffix: null }],
      year: 2006,
      title: 'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression',
      journal: 'Arch Gen Psychiatry',
      journalAbbreviation: null,
      volume: '63',
      issue: '8',
      pages: '856-864',
      publicationType: 'article-journal',
      studyType: 'RCT',
      doi: '10.1001/archpsyc.63.8.856',
      pmid: null,
      url: null,
      verified: true,
      citedFrom: ['cite-1'],
    },
    unsourcedCitation({ id: 'c2', number: 2, label: 'Field notes (n.d.)', authors: null, year: null, studyType: null, citedFrom: ['cite-2'] }),
  ],
}

/** Payload's list envelope around `docs`. */
export function listOf(docs: ArticleSummary[], { page = 1, limit = 10, totalDocs = docs.length } = {}): ArticleList {
  return pageOf(docs, { page, limit, totalDocs })
}
