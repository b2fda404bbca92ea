/** A topic page: its description and its published articles, newest first, 10 a page. */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { ArticleList } from '@web/components/ArticleList'
import { cms } from '@web/lib/cms'
import { listedArticles, listingCanonical, notFoundMetadata, type SlugListingProps } from '@web/lib/listing'
import { topicPath } from '@web/lib/people'
import { isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

const loadTopic = cache(async (slug: string) => (isValidSlug(slug) ? cms().getTopic(slug) : null))

export async function generateMetadata({ params, searchParams }: SlugListingProps): Promise<Metadata> {
  const { slug } = await params
  const topic = await loadTopic(slug)
  if (!topic) return notFoundMetadata()
  const canonical = await listingCanonical(topicPath(slug), searchParams)
  const description = topic.description ?? `Articles about ${topic.name}.`
  return {
    title: topic.name,
    description,
    alternates: { canonical, types: { 'application/rss+xml': `${topicPath(slug)}/feed.xml` } },
    openGraph: { type: 'website', title: topic.name, description, url: canonical },
  }
}

export default async function TopicPage({ params, searchParams }: SlugListingProps) {
  const { slug } = await params
  const topic = await loadTopic(slug)
  if (!topic) notFound()
  const list = await listedArticles(searchParams, { topics: { in: [topic.id] } })
  return (
    <div className="listing">
      <header className="listing-header">
        <p className="listing-kind">Topic</p>
        <h1>{topic.name}</h1>
        {topic.description ? <p className="listing-description">{topic.description}</p> : null}
      </header>
      <ArticleList list={list} empty={`No published articles about ${topic.name} yet.`} basePath={topicPath(slug)} />
    </div>
  )
}
