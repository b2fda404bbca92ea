import type { ArticleList as List } from '@/cms'
import { ArticleListItem } from './ArticleListItem'
import { Pagination } from './Pagination'

/** A page of published articles with its pagination; shared by the front, author and topic pages. */
export function ArticleList({ list, empty, basePath, params }: { list: List; empty: string; basePath: string; params?: Record<string, string> }) {
  return (
    <>
      {list.docs.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ol className="article-list">
          {list.docs.map((article) => (
            <ArticleListItem key={article.slug} article={article} />
          ))}
        </ol>
      )}
      <Pagination page={list.page} totalPages={list.totalPages} basePath={basePath} params={params} />
    </>
  )
}
