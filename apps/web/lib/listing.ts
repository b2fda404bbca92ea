/**
 * Author and topic pages: a document found by its slug, then its published articles, newest first,
 * ARTICLES_PER_PAGE a page (`?page=N`). Unknown slugs and pages past the end are 404.
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { cache } from 'react'
import type { ArticleList } from '@/cms'
import { webEnv } from '@/env'
import { pageHref } from '../components/Pagination'
import { cms } from './cms'
import { parsePage } from './pageParam'
import { ARTICLES_PER_PAGE } from './site'
import { isValidSlug } from './slug'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

type SlugListingProps = { params: Promise<{ slug: string }>; searchParams: SearchParams }

export interface SlugListing<T> {
  /** The document a slug names, or null when there is none. */
  load: (slug: string) => Promise<T | null>
  /** The listing's path, without `?page=`. */
  path: (slug: string) => string
  /** The page's metadata; `canonical` already carries the page number, `path` does not. */
  metadata: (doc: T, canonical: string, path: string) => Metadata
  /** Which published articles the page lists. */
  where: (doc: T) => Record<string, unknown>
  render: (doc: T, list: ArticleList, path: string) => ReactNode
}

/** The page component and `generateMetadata` of a slug listing; both load the document once per request. */
export function slugListingPage<T>(listing: SlugListing<T>) {
  const load = cache(async (slug: string) => (isValidSlug(slug) ? listing.load(slug) : null))

  async function generateMetadata({ params, searchParams }: SlugListingProps): Promise<Metadata> {
    const { slug } = await params
    const doc = await load(slug)
    // The page component answers 404; its metadata keeps the 404 out of indexes.
    if (!doc) return { title: 'Page not found', robots: { index: false } }
    const path = listing.path(slug)
    const page = parsePage((await searchParams).page)
    return listing.metadata(doc, `${webEnv().WEB_URL}${pageHref(path, page)}`, path)
  }

  async function Page({ params, searchParams }: SlugListingProps) {
    const { slug } = await params
    const doc = await load(slug)
    if (!doc) notFound()
    const page = parsePage((await searchParams).page)
    const list = await cms().listArticles({ page, limit: ARTICLES_PER_PAGE, sort: '-publishedAt', where: listing.where(doc) })
    if (page > 1 && page > list.totalPages) notFound()
    return listing.render(doc, list, listing.path(slug))
  }

  return { generateMetadata, Page }
}
