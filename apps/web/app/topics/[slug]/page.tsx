/** A topic page: its description and its published articles, newest first, 10 a page. */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { webEnv } from '@/env'
import { ArticleList } from '@web/components/ArticleList'
import { cms } from '@web/lib/cms'
import { parsePage } from '@web/lib/pageParam'
import { topicPath } from '@web/lib/people'
import { ARTICLES_PER_PAGE } from '@web/lib/site'
import { isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const loadTopic = cache(async (slug: string) => (isValidSlug(slug) ? cms().getTopic(slug) : null))

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params
  const topic = await loadTopic(slug)
  if (!topic) return { title: 'Page not found', robots: { index: false } }
  const page = parsePage((await searchParams).page)
  const canonical = `${webEnv().WEB_URL}${topicPath(slug)}${page > 1 ? `?page=${page}` : ''}`
  const description = topic.description ?? `Articles about ${topic.name}.`
  return {
    title: topic.name,
    description,
    alternates: { canonical, types: { 'application/rss+xml': `${topicPath(slug)}/feed.xml` } },
    openGraph: { type: 'website', title: topic.name, description, url: canonical },
  }
}

export default async function TopicPage({ params, searchParams }: Props) {
  const { slug } = await params
  const topic = await loadTopic(slug)
  if (!topic) notFound()
  const page = parsePage((await searchParams).page)
  const list = await cms().listArticles({ page, limit: ARTICLES_PER_PAGE, sort: '-publishedAt', where: { topics: { in: [topic.id] } } })
  if (page > 1 && page > list.totalPages) notFound()
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
