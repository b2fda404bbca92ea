import type { AssembledArticle } from '@/cms'
import { formatReadingTime } from '../lib/readingTime'
import { DateTime } from './DateTime'

/** "A", "A and B", "A, B and C" */
function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export function ArticleHeader({ article, minutes }: { article: AssembledArticle; minutes: number | null }) {
  const readingTime = formatReadingTime(minutes)
  return (
    <header className="article-header">
      {article.publication ? <p className="publication">{article.publication}</p> : null}
      <h1>{article.title}</h1>
      {article.summary ? <p className="summary">{article.summary}</p> : null}
      {article.authors.length > 0 ? <p className="byline">By {joinNames(article.authors.map((a) => a.name))}</p> : null}
      <dl className="article-meta">
        {article.publishedAt ? (
          <div>
            <dt>Published</dt>
            <dd><DateTime iso={article.publishedAt} /></dd>
          </div>
        ) : null}
        {article.lastReviewedAt ? (
          <div>
            <dt>Last reviewed</dt>
            <dd><DateTime iso={article.lastReviewedAt} /></dd>
          </div>
        ) : null}
        {readingTime ? (
          <div>
            <dt>Reading time</dt>
            <dd>{readingTime}</dd>
          </div>
        ) : null}
      </dl>
    </header>
  )
}
