/**
 * schema.org JSON-LD for an article and an author page, and its safe serialisation into a <script> element.
 */
import type { AssembledArticle, Citation, Person, PersonName, PersonProfile } from '@/cms/schemas'
import { isCitableSource } from './cite'
import { isoDay } from './dates'
import { normalizeDoi, doiUrl, normalizePmid, pubmedUrl, safeHttpUrl } from './references'

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined }
export type JsonLdObject = { [key: string]: JsonValue | undefined }

/**
 * JSON.stringify, then `<`, `>`, `&` and the two JS line separators as \u escapes. Content comes from
 * editors; without this a title containing "</script>" would end the element and inject markup.
 * The escapes are still valid JSON, so parsers read back the same strings.
 */
export function serializeJsonLd(data: JsonLdObject): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** An author of a cited work, by name parts (no page of ours to link to). */
const citedPersonLd = (a: PersonName): JsonLdObject => ({
  '@type': 'Person',
  familyName: a.family,
  givenName: a.given ?? undefined,
  name: [a.given, a.family, a.suffix].filter(Boolean).join(' '),
})

/** A cited work; only called for references that are findable sources (see isCitableSource). */
function citationLd(c: Citation): JsonLdObject {
  const doi = normalizeDoi(c.doi)
  const pmid = normalizePmid(c.pmid)
  const sameAs = [doi ? doiUrl(doi) : null, pmid ? pubmedUrl(pmid) : null, safeHttpUrl(c.url)].filter((u): u is string => u !== null)
  const identifier: JsonLdObject[] = []
  if (doi) identifier.push({ '@type': 'PropertyValue', propertyID: 'DOI', value: doi })
  if (pmid) identifier.push({ '@type': 'PropertyValue', propertyID: 'PMID', value: pmid })
  return {
    '@type': 'ScholarlyArticle',
    name: c.title ?? undefined,
    author: c.authorList.length > 0 ? c.authorList.map(citedPersonLd) : (c.authors ?? undefined),
    datePublished: c.year !== null ? String(c.year) : undefined,
    isPartOf: c.journal ? { '@type': 'Periodical', name: c.journal } : undefined,
    identifier: identifier.length === 0 ? undefined : identifier,
    sameAs: sameAs.length === 0 ? undefined : sameAs.length === 1 ? sameAs[0] : sameAs,
  }
}

function personLd(p: Person, siteUrl: string): JsonLdObject {
  return { '@type': 'Person', name: p.name, url: `${siteUrl}/authors/${p.slug}`, honorificSuffix: p.credentials ?? undefined }
}

/** An author page: a ProfilePage about the person, with their bio and photo. */
export function profileJsonLd(person: PersonProfile, canonicalUrl: string, siteUrl: string): JsonLdObject {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    '@id': canonicalUrl,
    url: canonicalUrl,
    mainEntity: { ...personLd(person, siteUrl), description: person.bio ?? undefined, image: person.photo?.image.url },
  }
}

export function articleJsonLd(article: AssembledArticle, canonicalUrl: string, siteName: string, siteUrl: string): JsonLdObject {
  const publisher: JsonLdObject = { '@type': 'Organization', name: siteName, url: siteUrl }
  return {
    '@context': 'https://schema.org',
    // MedicalWebPage: the schema.org type for health information pages, which carries lastReviewed.
    '@type': 'MedicalWebPage',
    '@id': canonicalUrl,
    url: canonicalUrl,
    headline: article.title,
    name: article.title,
    description: article.summary ?? undefined,
    // The hero's card and page sizes, or the card drawn for articles without one (card.png route).
    image: article.heroImage ? [article.heroImage.card?.url, article.heroImage.image.url].filter((u): u is string => !!u) : [`${canonicalUrl}/card.png`],
    inLanguage: 'en',
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    // schema.org's lastReviewed is a Date, not a DateTime.
    lastReviewed: isoDay(article.lastReviewedAt) ?? undefined,
    author: article.authors.length > 0 ? article.authors.map((a) => personLd(a, siteUrl)) : publisher,
    reviewedBy: article.medicalReviewer ? personLd(article.medicalReviewer, siteUrl) : undefined,
    about: article.topics.length > 0 ? article.topics.map((t) => ({ '@type': 'Thing', name: t.name })) : undefined,
    publisher,
    isPartOf: article.publication ? { '@type': 'Periodical', name: article.publication } : undefined,
    citation: article.citations.filter(isCitableSource).map(citationLd),
  }
}
