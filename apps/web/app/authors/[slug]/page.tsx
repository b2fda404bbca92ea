/**
 * An author page: who the person is, and their published articles, newest first, 10 a page.
 * Reviewers have one too (the byline links them). Unknown slugs and pages past the end are 404.
 */
import { ArticleList } from '@web/components/ArticleList'
import { cms } from '@web/lib/cms'
import { slugListingPage } from '@web/lib/listing'
import { authorPath, nameWithCredentials } from '@web/lib/people'

export const dynamic = 'force-dynamic'

const page = slugListingPage({
  load: (slug) => cms().getPerson(slug),
  path: authorPath,
  metadata: (person, canonical) => {
    const description = person.bio ?? `Articles by ${person.name}.`
    return { title: nameWithCredentials(person), description, alternates: { canonical }, openGraph: { type: 'profile', title: person.name, description, url: canonical } }
  },
  where: (person) => ({ authors: { in: [person.id] } }),
  render: (person, list, path) => (
    <div className="listing">
      <header className="listing-header">
        <h1>{nameWithCredentials(person)}</h1>
        {person.bio ? <p className="listing-description">{person.bio}</p> : null}
      </header>
      <h2 className="listing-subtitle">Articles by {person.name}</h2>
      <ArticleList list={list} empty={`No published articles by ${person.name} yet.`} basePath={path} />
    </div>
  ),
})

export const generateMetadata = page.generateMetadata
export default page.Page
