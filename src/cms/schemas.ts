/**
 * The public REST contract, as zod schemas.
 *
 * One source of truth for three consumers: the typed client (`client.ts`) parses every response
 * with these, the CMS builds its OpenAPI document from them (`z.toJSONSchema`), and the contract
 * tests validate live responses against that document. Change a field here and all three follow.
 */
import { z } from 'zod'

/** Payload IDs are numbers on SQLite and ObjectId strings on MongoDB: treat them as opaque. */
export const Id = z.union([z.string(), z.number()]).describe('Opaque document id (number on SQLite, string on MongoDB)')
export type Id = z.infer<typeof Id>

const isoDate = z.string().describe('ISO 8601 date-time')

/** Lexical editor state, passed through untouched: consumers who want structure read it, others use `html` / `text`. */
export const LexicalState = z
  .object({ root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }) })
  .describe('Lexical editor state (JSON)')

/**
 * A person named on the site (author or medical reviewer): public fields only. People are not login
 * accounts; no email, role or user id is ever part of the public API.
 */
export const Person = z.object({
  id: Id,
  name: z.string(),
  slug: z.string().describe('URL of the author page: /authors/<slug>'),
  credentials: z.string().nullable().describe('e.g. "MD, PhD"'),
  bio: z.string().nullable(),
})
export type Person = z.infer<typeof Person>

/** A subject articles are filed under. */
export const Topic = z.object({
  id: Id,
  name: z.string(),
  slug: z.string().describe('URL of the topic page: /topics/<slug>'),
  description: z.string().nullable(),
})
export type Topic = z.infer<typeof Topic>

/** A person's name split the way citation styles need it (CSL's `family` / `given`). */
export const PersonName = z.object({
  family: z.string().describe('Family name (surname), e.g. "Zarate"'),
  given: z.string().nullable().describe('Given names or initials, e.g. "Carlos A"'),
  suffix: z.string().nullable().describe('e.g. "Jr"'),
})
export type PersonName = z.infer<typeof PersonName>

/** A reference as the reader sees it: numbered in order of first use within one article. */
export const Citation = z.object({
  id: Id,
  number: z.number().int().positive().describe('1-based, in order of first use in the article'),
  label: z.string().describe('In-text label as printed, e.g. "Zarate et al. (2006)"'),
  authors: z.string().nullable().describe('Authors as printed in the text, e.g. "Zarate et al."'),
  authorList: z.array(PersonName).describe('The authors in byline order; empty when the source is not on record'),
  year: z.number().int().nullable(),
  title: z.string().nullable(),
  journal: z.string().nullable().describe('Journal or other container title'),
  journalAbbreviation: z.string().nullable().describe('Abbreviated journal title (NLM / ISO 4), e.g. "Arch Gen Psychiatry"'),
  volume: z.string().nullable(),
  issue: z.string().nullable(),
  pages: z.string().nullable(),
  publicationType: z.string().nullable().describe('CSL item type, e.g. "article-journal"'),
  studyType: z.string().nullable(),
  doi: z.string().nullable().describe('Lower-case DOI without resolver prefix, e.g. "10.1001/archpsyc.63.8.856"'),
  pmid: z.string().nullable().describe('PubMed ID, digits only'),
  url: z.string().nullable(),
  verified: z.boolean().describe('true when the citation has a DOI, PMID or URL'),
  /** Element ids of the in-text markers that cite this reference, for back-links. */
  citedFrom: z.array(z.string()),
})
export type Citation = z.infer<typeof Citation>

export const Section = z.object({
  id: Id,
  heading: z.string().nullable().describe('null for the introduction'),
  anchor: z.string().describe('Fragment id, unique within the article'),
  body: LexicalState,
  html: z.string().describe('Sanitized HTML of body; citation markers link to #ref-<number>'),
  text: z.string().describe('Plain text of body, citation markers omitted'),
})
export type Section = z.infer<typeof Section>

/** Fields every article representation shares (list items and the assembled article). */
export const ArticleSummary = z.object({
  id: Id,
  slug: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  publication: z.string().nullable(),
  publishedAt: isoDate.nullable(),
  lastReviewedAt: isoDate.nullable(),
  readingTimeMinutes: z.number().int().nonnegative().nullable(),
  updatedAt: isoDate,
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

/** `GET /api/articles/by-slug/{slug}`: the published article assembled in reading order. */
/** An image file as served by the CMS (absolute URL), with its pixel size. */
const ImageFile = z.object({ url: z.url(), width: z.number().int().positive(), height: z.number().int().positive(), mimeType: z.string() })

/** An article's lead image: the original (or its 1600 px rendition) for the page, and the 1200 x 630 social card. */
export const HeroImage = z.object({
  alt: z.string(),
  credit: z.string().nullable(),
  image: ImageFile,
  /** The same picture at other widths, for srcset (the page chooses by screen). */
  sources: z.array(ImageFile).describe('The image at every stored width, narrowest first'),
  card: ImageFile.nullable().describe('1200 x 630 crop for link previews (og:image); null until generated'),
})
export type HeroImage = z.infer<typeof HeroImage>

/** A person's photo: the largest stored rendition up to the page's size, and every width for srcset. */
export const Portrait = z.object({
  alt: z.string(),
  image: ImageFile,
  sources: z.array(ImageFile).describe('The photo at every stored width, narrowest first'),
})
export type Portrait = z.infer<typeof Portrait>

/** `GET /api/people/by-slug/{slug}`: a person's public fields and photo, for their author page. */
export const PersonProfile = Person.extend({ photo: Portrait.nullable().describe('null when the person has no photo') })
export type PersonProfile = z.infer<typeof PersonProfile>

export const AssembledArticle = ArticleSummary.extend({
  heroImage: HeroImage.nullable().describe('The lead image; null when the article has none'),
  authors: z.array(Person).describe('The byline, in order'),
  medicalReviewer: Person.nullable().describe('null: not yet medically reviewed'),
  topics: z.array(Topic),
  related: z.array(ArticleSummary).max(3).describe('Published articles sharing the most topics, then newest'),
  sections: z.array(Section),
  citations: z.array(Citation),
})
export type AssembledArticle = z.infer<typeof AssembledArticle>

/** Payload's paginated list envelope. */
export const paginated = <T extends z.ZodType>(doc: T) =>
  z.object({
    docs: z.array(doc),
    totalDocs: z.number().int(),
    limit: z.number().int(),
    totalPages: z.number().int(),
    page: z.number().int(),
    pagingCounter: z.number().int(),
    hasPrevPage: z.boolean(),
    hasNextPage: z.boolean(),
    prevPage: z.number().int().nullable(),
    nextPage: z.number().int().nullable(),
  })

export const ArticleList = paginated(ArticleSummary)
export type ArticleList = z.infer<typeof ArticleList>
export const PersonList = paginated(Person)
export type PersonList = z.infer<typeof PersonList>
export const TopicList = paginated(Topic)
export type TopicList = z.infer<typeof TopicList>

/** `GET /api/search` parameters. A query is at most 200 characters: longer is a 400 naming `q`. */
export const SEARCH_QUERY_MAX = 200
export const SearchParams = z.object({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX).describe('Words to find; prefixes and accents need not match ("ketam", "psilocibin")'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('Results per page'),
  page: z.coerce.number().int().min(1).max(1000).default(1).describe('1-based page number'),
})
export type SearchParams = z.infer<typeof SearchParams>

/** One search result: the article, its rank score, and the sentence that matched best. */
export const SearchHit = ArticleSummary.extend({
  score: z.number().describe('Relevance; results come best first'),
  snippet: z.string().describe('Plain text (never HTML): the sentence that matched best'),
  highlights: z
    .array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))
    .describe('[start, end) character ranges of matched words in snippet, for the consumer to mark up (escaping the text)'),
})
export type SearchHit = z.infer<typeof SearchHit>

export const SearchResults = paginated(SearchHit).extend({ query: z.string() })
export type SearchResults = z.infer<typeof SearchResults>

/** Payload's error envelope, used by every non-2xx response of the API. */
export const ErrorBody = z.object({
  errors: z.array(z.looseObject({ message: z.string() })).min(1),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/**
 * `GET /api/articles/{id}` and friends return Payload's raw document, whose shape follows the
 * collection config (and `depth`/`select`). The contract pins only the fields a consumer may rely
 * on and lets the rest through.
 */
export const ArticleDocument = z
  .looseObject({
    id: Id,
    slug: z.string(),
    title: z.string(),
    _status: z.enum(['draft', 'published']).describe('Anonymous readers only ever see "published"'),
  })
  .describe('A raw article document; other fields depend on the collection config, depth and select')
export type ArticleDocument = z.infer<typeof ArticleDocument>

/** Any raw document of a collection (citations, sections): only `id` is promised. */
export const LooseDocument = z.looseObject({ id: Id }).describe('A raw collection document; fields depend on depth and select')
export const LooseDocumentList = paginated(LooseDocument)
export type LooseDocumentList = z.infer<typeof LooseDocumentList>

/** `GET /api/content-revision`: moves whenever anything readers see changes; poll it to know when to purge. */
export const ContentRevision = z.object({ revision: z.number().int().nonnegative().describe('Advanced in the same transaction as every publish, unpublish, delete or rename') })
export type ContentRevision = z.infer<typeof ContentRevision>

/** `GET /healthz` (process up) and `GET /readyz` (dependencies reachable) when healthy. */
export const HealthOk = z.object({ status: z.literal('ok') })
export type HealthOk = z.infer<typeof HealthOk>

/** `GET /readyz` with status 503: not ready to serve (e.g. the database is unreachable). */
export const HealthUnavailable = z.object({
  status: z.literal('unavailable'),
  reason: z.string().describe('Short, non-sensitive cause, e.g. "database unreachable"'),
})
export type HealthUnavailable = z.infer<typeof HealthUnavailable>

/**
 * What live preview sends (`POST /api/articles/live-preview`): the admin's unsaved title, summary
 * and text rows, shown in place of the latest draft. Staff only; never stored.
 */
export const LiveArticleInput = z.object({
  title: z.string().max(1_000).optional(),
  summary: z.string().max(10_000).nullish(),
  text: z
    .array(
      z.object({
        section: z.string().nullish().describe('The Section document the row is written to; empty for a new one'),
        heading: z.string().max(1_000).nullish(),
        body: LexicalState.nullish(),
      }),
    )
    .max(1_000)
    .optional(),
})
export type LiveArticleInput = z.infer<typeof LiveArticleInput>
