import type { AssembledArticle, Person } from '@/cms'
import { authorPath, nameWithCredentials } from '../lib/people'
import { DateTime } from './DateTime'


function PersonLink({ person }: { person: Person }) {
  return <a href={authorPath(person.slug)}>{nameWithCredentials(person)}</a>
}

/** Link per name, joined as "A", "A and B", "A, B and C". */
function PeopleLinks({ people }: { people: readonly Person[] }) {
  return people.map((p, i) => (
    <span key={p.slug}>
      {i === 0 ? '' : i === people.length - 1 ? ' and ' : ', '}
      <PersonLink person={p} />
    </span>
  ))
}

/**
 * "By A and B · Medically reviewed by C, MD · Last reviewed March 12, 2026". A health page owes its
 * reader who wrote it and who checked it; an unreviewed article says so rather than saying nothing.
 */
export function Byline({ article }: { article: AssembledArticle }) {
  const { authors, medicalReviewer: reviewer, lastReviewedAt } = article
  return (
    <p className="byline">
      {authors.length > 0 ? (
        <span className="byline-authors">
          By <PeopleLinks people={authors} />
        </span>
      ) : null}
      {authors.length > 0 ? <span aria-hidden="true"> · </span> : null}
      {reviewer ? (
        <span className="byline-reviewer">
          Medically reviewed by <PersonLink person={reviewer} />
        </span>
      ) : (
        <span className="byline-reviewer">Not yet medically reviewed</span>
      )}
      {lastReviewedAt ? (
        <>
          <span aria-hidden="true"> · </span>
          <span className="byline-reviewed">
            Last reviewed <DateTime iso={lastReviewedAt} />
          </span>
        </>
      ) : null}
    </p>
  )
}
