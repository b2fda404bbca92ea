import type { AssembledArticle } from '@/cms'
import { formatReadingTime } from '../lib/readingTime'
import { summaryRepeatsIntroduction } from '../lib/summary'
import { Byline } from './Byline'
import { DateTime } from './DateTime'

export function ArticleHeader({ article, minutes }: { article: AssembledArticle; minutes: number | null }) {
  const readingTime = formatReadingTime(minutes)
  return (
    <header className="article-header">
      {article.publication ? <p className="publication">{article.publication}</p> : null}
      <h1>{article.title}</h1>
      {article.summary && !summaryRepeatsIntroduction(article) ? <p className="summary">{article.summary}</p> : null}
      <Byline article={article} />
      <dl className="article-meta">
        {article.publishedAt ? (
          <div>
            <dt>Published</dt>
            <dd><DateTime iso={article.publishedAt} /></dd>
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
