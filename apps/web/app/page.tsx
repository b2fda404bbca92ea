/**
 * Front page: published articles, newest first, 10 a page, `?page=N`; `?topic=<slug>` narrows the
 * list to one topic. Dynamic in Next; the front server caches the rendered response (see lib/cms.ts).
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import type { Topic } from '@/cms'
import { webEnv } from '@/env'
import { ArticleList } from '../components/ArticleList'
import { pageHref } from '../components/Pagination'
import { SearchBox } from '../components/SearchBox'
import { cms } from '../lib/cms'
import { parsePage } from '../lib/pageParam'
import { ARTICLES_PER_PAGE, SITE_DESCRIPTION, SITE_NAME } from '../lib/site'
import { isValidSlug } from '../lib/slug'

export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const loadTopics = cache(() => cms().listTopics())

/** The topic of `?topic=`, undefined when absent; 404 for a malformed or unknown slug. */
async function parseTopic(raw: string | string[] | undefined): Promise<Topic | undefined> {
  if (raw === undefined) return undefined
  if (!isValidSlug(raw)) notFound()
  const topic = (await loadTopics()).find((t) => t.slug === raw)
  return topic ?? notFound()
}

async function parse(searchParams: SearchParams) {
  const params = await searchParams
  const topic = await parseTopic(params.topic)
  const page = parsePage(params.page)
  return { page, topic, params: topic ? { topic: topic.slug } : undefined }
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { page, topic, params } = await parse(searchParams)
  const canonical = `${webEnv().WEB_URL}${pageHref('/', page, params)}`
  const title = topic ? `${topic.name}${page > 1 ? `, page ${page}` : ''}` : page === 1 ? { absolute: `${SITE_NAME}: psychedelics and mental health, referenced` } : `Articles, page ${page}`
  return {
    title,
    description: SITE_DESCRIPTION,
    alternates: { canonical },
    openGraph: { type: 'website', siteName: SITE_NAME, title: SITE_NAME, description: SITE_DESCRIPTION, url: canonical },
  }
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { page, topic, params } = await parse(searchParams)
  // No try/catch: any CMS failure must surface as a 500 (the front server then serves its stale copy or
  // its 503 page), never as an empty list cached as a 200.
  const [list, topics] = await Promise.all([
    cms().listArticles({ page, limit: ARTICLES_PER_PAGE, sort: '-publishedAt', where: topic ? { topics: { in: [topic.id] } } : undefined }),
    loadTopics(),
  ])
  if (page > 1 && page > list.totalPages) notFound()
  const heading = topic ? `Articles about ${topic.name}` : page === 1 ? 'Latest articles' : `Articles, page ${page}`

  return (
    <div className="front">
      <h1 className="front-title">{heading}</h1>
      <SearchBox />
      {topics.length > 0 ? (
        <nav className="topic-filter" aria-label="Filter by topic">
          <ul>
            <li>{topic ? <a href="/">All topics</a> : <span aria-current="page">All topics</span>}</li>
            {topics.map((t) => (
              <li key={t.slug}>
                {t.slug === topic?.slug ? <span aria-current="page">{t.name}</span> : <a href={pageHref('/', 1, { topic: t.slug })}>{t.name}</a>}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <ArticleList list={list} empty={topic ? `No published articles about ${topic.name} yet.` : 'No articles have been published yet. Please check back soon.'} basePath="/" params={params} />
    </div>
  )
}
