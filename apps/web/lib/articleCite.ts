import type { AssembledArticle } from '@/cms'
import type { CiteSource } from './cite'
import { SITE_NAME } from './site'

/** The citable facts of an article; the page and the .bib route must cite it identically. */
export function citeSource(article: AssembledArticle, canonicalUrl: string): CiteSource {
  return {
    slug: article.slug,
    title: article.title,
    authors: article.authors.map((a) => a.name),
    publishedAt: article.publishedAt,
    siteName: article.publication ?? SITE_NAME,
    url: canonicalUrl,
  }
}
