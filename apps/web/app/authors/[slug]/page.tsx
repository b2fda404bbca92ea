/**
 * An author page: who the person is, and their published articles, newest first, 10 a page.
 * Reviewers have one too (the byline links them). Unknown slugs and pages past the end are 404.
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { ArticleList } from '@web/components/ArticleList'
import { cms } from '@web/lib/cms'
import { listedArticles, listingCanonical, notFoundMetadata, type SlugListingProps } from '@web/lib/listing'
import { authorPath, nameWithCredentials } from '@web/lib/people'
import { isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

const loadPerson = cache(async (slug: string) => (isValidSlug(slug) ? cms().getPerson(slug) : null))

export async function generateMetadata({ params, searchParams }: SlugListingProps): Promise<Metadata> {
  const { slug } = await params
  const person = await loadPerson(slug)
  if (!person) return notFoundMetadata()
  const canonical = await listingCanonical(authorPath(slug), searchParams)
  const description = person.bio ?? `Articles by ${person.name}.`
  return { title: nameWithCredentials(person), description, alternates: { canonical }, openGraph: { type: 'profile', title: person.name, description, url: canonical } }
}

export default async function AuthorPage({ params, searchParams }: SlugListingProps) {
  const { slug } = await params
  const person = await loadPerson(slug)
  if (!person) notFound()
  const list = await listedArticles(searchParams, { authors: { in: [person.id] } })
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
