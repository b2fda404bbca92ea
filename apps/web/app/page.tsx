/**
 * Front page: published articles, newest first, 10 a page, `?page=N`.
 * Dynamic in Next; the front server caches the rendered response (see lib/cms.ts).
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { webEnv } from '@/env'
import { ArticleListItem } from '../components/ArticleListItem'
import { Pagination } from '../components/Pagination'
import { cms } from '../lib/cms'
import { ARTICLES_PER_PAGE, SITE_DESCRIPTION, SITE_NAME } from '../lib/site'

export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Page 1 when absent; 404 for anything but a plain positive integer (no junk URLs in the cache). */
function parsePage(raw: string | string[] | undefined): number {
  if (raw === undefined) return 1
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) notFound()
  return Number(raw)
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const page = parsePage((await searchParams).page)
  const canonical = page === 1 ? `${webEnv().WEB_URL}/` : `${webEnv().WEB_URL}/?page=${page}`
  return {
    title: page === 1 ? { absolute: `${SITE_NAME}: psychedelics and mental health, referenced` } : `Articles, page ${page}`,
    description: SITE_DESCRIPTION,
    alternates: { canonical },
    openGraph: { type: 'website', siteName: SITE_NAME, title: SITE_NAME, description: SITE_DESCRIPTION, url: canonical },
  }
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const page = parsePage((await searchParams).page)
  // No try/catch: any CMS failure must surface as a 500 (the front server then serves its stale copy or
  // its 503 page), never as an empty list cached as a 200.
  const list = await cms().listArticles({ page, limit: ARTICLES_PER_PAGE, sort: '-publishedAt' })
  if (page > 1 && page > list.totalPages) notFound()

  return (
    <div className="front">
      <h1 className="front-title">{page === 1 ? 'Latest articles' : `Articles, page ${page}`}</h1>
      {list.docs.length === 0 ? (
        <p className="empty">No articles have been published yet. Please check back soon.</p>
      ) : (
        <ol className="article-list">
          {list.docs.map((article) => (
            <ArticleListItem key={article.slug} article={article} />
          ))}
        </ol>
      )}
      <Pagination page={page} totalPages={list.totalPages} />
    </div>
  )
}
