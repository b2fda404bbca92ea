import type { ReactNode } from 'react'
import type { ArticleSummary } from '@/cms'
import { formatReadingTime } from '../lib/readingTime'
import { articlePath } from '../lib/slug'
import { DateTime } from './DateTime'

/** `children` replace the summary (search results show their matching sentence instead). */
export function ArticleListItem({ article, children }: { article: ArticleSummary; children?: ReactNode }) {
  const readingTime = formatReadingTime(article.readingTimeMinutes)
  return (
    <li className="article-item">
      <article aria-labelledby={`title-${article.slug}`}>
        <h2 id={`title-${article.slug}`}>
          <a href={articlePath(article.slug)}>{article.title}</a>
        </h2>
        <p className="item-meta">
          {article.publishedAt ? <DateTime iso={article.publishedAt} /> : null}
          {article.publishedAt && readingTime ? <span aria-hidden="true"> · </span> : null}
          {readingTime ? <span>{readingTime}</span> : null}
        </p>
        {children ?? (article.summary ? <p className="item-summary">{article.summary}</p> : null)}
      </article>
    </li>
  )
}
