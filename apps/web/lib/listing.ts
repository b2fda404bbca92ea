/**
 * Author and topic pages: a document found by its slug, then its published articles, newest first,
 * ARTICLES_PER_PAGE a page (`?page=N`). Unknown slugs and pages past the end are 404.
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { ArticleList } from '@/cms'
import { webEnv } from '@/env'
import { pageHref } from '../components/Pagination'
import { cms } from './cms'
import { parsePage } from './pageParam'
import { ARTICLES_PER_PAGE } from './site'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export type SlugListingProps = { params: Promise<{ slug: string }>; searchParams: SearchParams }

/** Metadata of an unknown slug: the page component answers 404, and the 404 is not indexed. */
export const notFoundMetadata = (): Metadata => ({ title: 'Page not found', robots: { index: false } })

/** The canonical URL of the page `?page=` asks for of the listing at `path`; page 1 has no `?page=`. */
export async function listingCanonical(path: string, searchParams: SearchParams): Promise<string> {
  const page = parsePage((await searchParams).page)
  return `${webEnv().WEB_URL}${pageHref(path, page)}`
}

/** The page of published articles matching `where` that `?page=` asks for; past the last page is a 404. */
export async function listedArticles(searchParams: SearchParams, where: Record<string, unknown>): Promise<ArticleList> {
  const page = parsePage((await searchParams).page)
  const list = await cms().listArticles({ page, limit: ARTICLES_PER_PAGE, sort: '-publishedAt', where })
  if (page > 1 && page > list.totalPages) notFound()
  return list
}
