import type { ArticleSummary, Topic } from '@/cms'
import { topicPath } from '../lib/people'
import { articlePath } from '../lib/slug'

/** The article's topics, each linking to its topic page. */
export function ArticleTopics({ topics }: { topics: readonly Topic[] }) {
  if (topics.length === 0) return null
  return (
    <nav className="article-topics" aria-label="Topics">
      <LinkList links={topics.map((t) => ({ key: t.slug, href: topicPath(t.slug), text: t.name }))} />
    </nav>
  )
}

/** Up to three published articles sharing the most topics (chosen by the CMS). */
export function RelatedArticles({ related }: { related: readonly ArticleSummary[] }) {
  if (related.length === 0) return null
  return (
    <aside className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related articles</h2>
      <LinkList links={related.map((a) => ({ key: a.slug, href: articlePath(a.slug), text: a.title }))} />
    </aside>
  )
}

function LinkList({ links }: { links: readonly { key: string; href: string; text: string }[] }) {
  return (
    <ul>
      {links.map((l) => (
        <li key={l.key}>
          <a href={l.href}>{l.text}</a>
        </li>
      ))}
    </ul>
  )
}
