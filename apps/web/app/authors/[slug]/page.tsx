/**
 * An author page: who the person is (photo, credentials, bio), and their published articles, newest
 * first, 10 a page.
 * Reviewers have one too (the byline links them). Unknown slugs and pages past the end are 404.
 */
import { ArticleList } from '@web/components/ArticleList'
import { JsonLd } from '@web/components/JsonLd'
import { ResponsiveImage } from '@web/components/ResponsiveImage'
import { profileJsonLd } from '@web/lib/jsonLd'
import { webEnv } from '@/env'
import { cms } from '@web/lib/cms'
import { slugListingPage } from '@web/lib/listing'
import { authorPath, nameWithCredentials } from '@web/lib/people'

export const dynamic = 'force-dynamic'

const page = slugListingPage({
  load: (slug) => cms().getPerson(slug),
  path: authorPath,
  metadata: (person, canonical) => {
    const description = person.bio ?? `Articles by ${person.name}.`
    const images = person.photo ? [{ url: person.photo.image.url, width: person.photo.image.width, height: person.photo.image.height, alt: person.photo.alt }] : undefined
    return { title: nameWithCredentials(person), description, alternates: { canonical }, openGraph: { type: 'profile', title: person.name, description, url: canonical, images } }
  },
  where: (person) => ({ authors: { in: [person.id] } }),
  render: (person, list, path) => (
    <div className="listing">
      <JsonLd data={profileJsonLd(person, `${webEnv().WEB_URL}${path}`, webEnv().WEB_URL)} />
      <header className="listing-header">
        {person.photo ? <ResponsiveImage picture={person.photo} sizes="8rem" className="person-photo" /> : null}
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
