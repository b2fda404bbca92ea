/**
 * An author page: who the person is, and their published articles, newest first, 10 a page.
 * Reviewers have one too (the byline links them). Unknown slugs and pages past the end are 404.
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { webEnv } from '@/env'
import { ArticleList } from '@web/components/ArticleList'
import { cms } from '@web/lib/cms'
import { parsePage } from '@web/lib/pageParam'
import { authorPath, nameWithCredentials } from '@web/lib/people'
import { ARTICLES_PER_PAGE } from '@web/lib/site'
import { isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const loadPerson = cache(async (slug: string) => (isValidSlug(slug) ? cms().getPerson(slug) : null))

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params
  const person = await loadPerson(slug)
  if (!person) return { title: 'Page not found', robots: { index: false } }
  const page = parsePage((await searchParams).page)
  const canonical = `${webEnv().WEB_URL}${authorPath(slug)}${page > 1 ? `?page=${page}` : ''}`
  const description = person.bio ?? `Articles by ${person.name}.`
  return { title: nameWithCredentials(person), description, alternates: { canonical }, openGraph: { type: 'profile', title: person.name, description, url: canonical } }
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const { slug } = await params
  const person = await loadPerson(slug)
  if (!person) notFound()
  const page = parsePage((await searchParams).page)
  const list = await cms().listArticles({ page, limit: ARTICLES_PER_PAGE, sort: '-publishedAt', where: { authors: { in: [person.id] } } })
  if (page > 1 && page > list.totalPages) notFound()
  return (
    <div className="listing">
      <header className="listing-header">
        <h1>{nameWithCredentials(person)}</h1>
        {person.bio ? <p className="listing-description">{person.bio}</p> : null}
      </header>
      <h2 className="listing-subtitle">Articles by {person.name}</h2>
      <ArticleList list={list} empty={`No published articles by ${person.name} yet.`} basePath={authorPath(slug)} />
    </div>
  )
}
