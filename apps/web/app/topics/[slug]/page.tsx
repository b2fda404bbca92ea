/** A topic page: its description and its published articles, newest first, 10 a page. */
import { ArticleList } from '@web/components/ArticleList'
import { cms } from '@web/lib/cms'
import { slugListingPage } from '@web/lib/listing'
import { topicPath } from '@web/lib/people'

export const dynamic = 'force-dynamic'

const page = slugListingPage({
  load: (slug) => cms().getTopic(slug),
  path: topicPath,
  metadata: (topic, canonical, path) => {
    const description = topic.description ?? `Articles about ${topic.name}.`
    return {
      title: topic.name,
      description,
      alternates: { canonical, types: { 'application/rss+xml': `${path}/feed.xml` } },
      openGraph: { type: 'website', title: topic.name, description, url: canonical },
    }
  },
  where: (topic) => ({ topics: { in: [topic.id] } }),
  render: (topic, list, path) => (
    <div className="listing">
      <header className="listing-header">
        <p className="listing-kind">Topic</p>
        <h1>{topic.name}</h1>
        {topic.description ? <p className="listing-description">{topic.description}</p> : null}
      </header>
      <ArticleList list={list} empty={`No published articles about ${topic.name} yet.`} basePath={path} />
    </div>
  ),
})

export const generateMetadata = page.generateMetadata
export default page.Page
