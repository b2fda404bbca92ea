import type { ArticleSummary, Topic } from '@/cms'
import { topicPath } from '../lib/people'
import { articlePath } from '../lib/slug'

/** The article's topics, each linking to its topic page. */
export function ArticleTopics({ topics }: { topics: readonly Topic[] }) {
  if (topics.length === 0) return null
  return (
    <nav className="article-topics" aria-label="Topics">
      <ul>
        {topics.map((t) => (
          <li key={t.slug}>
            <a href={topicPath(t.slug)}>{t.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Up to three published articles sharing the most topics (chosen by the CMS). */
export function RelatedArticles({ related }: { related: readonly ArticleSummary[] }) {
  if (related.length === 0) return null
  return (
    <aside className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related articles</h2>
      <ul>
        {related.map((a) => (
          <li key={a.slug}>
            <a href={articlePath(a.slug)}>{a.title}</a>
          </li>
        ))}
      </ul>
    </aside>
  )
}
