/**
 * `/search?q=`: ranked results from the CMS's search API, each with its best-matching sentence.
 * A query the CMS refuses (over 200 characters) gets the form back with the reason, as a 400.
 */
import type { Metadata } from 'next'
import { isCmsError, SEARCH_QUERY_MAX, type SearchResults } from '@/cms'
import { webEnv } from '@/env'
import { ArticleListItem } from '@web/components/ArticleListItem'
import { Pagination } from '@web/components/Pagination'
import { SearchBox } from '@web/components/SearchBox'
import { Snippet } from '@web/components/Snippet'
import { cms } from '@web/lib/cms'
import { parsePage } from '@web/lib/pageParam'
import { ARTICLES_PER_PAGE } from '@web/lib/site'

export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

async function parse(searchParams: SearchParams) {
  const params = await searchParams
  const q = typeof params.q === 'string' ? params.q.trim() : ''
  return { q, page: parsePage(params.page) }
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { q } = await parse(searchParams)
  // Result pages are not content of their own: keep them out of search indexes.
  return { title: q ? `Search: ${q.slice(0, 60)}` : 'Search', robots: { index: false, follow: true }, alternates: { canonical: `${webEnv().WEB_URL}/search` } }
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const { q, page } = await parse(searchParams)
  let results: SearchResults | null = null
  let problem: string | null = null
  if (q.length > SEARCH_QUERY_MAX) problem = `Please use at most ${SEARCH_QUERY_MAX} characters.`
  else if (q) {
    try {
      results = await cms().search({ q, page, limit: ARTICLES_PER_PAGE })
    } catch (error) {
      if (!(isCmsError(error) && error.status === 400)) throw error
      problem = 'That search could not be run. Please try different words.'
    }
  }
  return (
    <div className="listing">
      <h1>{q ? `Search results for “${q.slice(0, 100)}”` : 'Search'}</h1>
      <SearchBox query={q.slice(0, SEARCH_QUERY_MAX)} />
      {problem ? <p className="empty" role="alert">{problem}</p> : null}
      {results && results.docs.length === 0 ? <p className="empty">No published articles match. Try fewer or shorter words.</p> : null}
      {results && results.docs.length > 0 ? (
        <>
          <p className="result-count">
            {results.totalDocs} {results.totalDocs === 1 ? 'article' : 'articles'}
          </p>
          <ol className="article-list">
            {results.docs.map((hit) => (
              <ArticleListItem key={hit.slug} article={hit}>
                <Snippet hit={hit} />
              </ArticleListItem>
            ))}
          </ol>
          <Pagination page={results.page} totalPages={results.totalPages} basePath="/search" params={{ q }} />
        </>
      ) : null}
    </div>
  )
}
