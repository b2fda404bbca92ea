import type { Citation } from '@/cms'
import { occurrenceNumber, referenceLinks } from '../lib/references'

const withPeriod = (s: string): string => (/[.?!]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`)

function BackLinks({ citation }: { citation: Citation }) {
  if (citation.citedFrom.length === 0) return null
  const several = citation.citedFrom.length > 1
  return (
    <span className="backlinks">
      {citation.citedFrom.map((id, index) => {
        const k = occurrenceNumber(id, index)
        return (
          <a
            key={id}
            href={`#${id}`}
            role="doc-backlink"
            aria-label={`Back to citation ${citation.number}, occurrence ${k}`}
            // With several occurrences CSS prints k after the arrow, so sighted readers can tell them apart too.
            data-occurrence={several ? k : undefined}
          >
            ↩
          </a>
        )
      })}
    </span>
  )
}

function Reference({ citation: c }: { citation: Citation }) {
  const links = referenceLinks(c)
  // Without a title, the in-text label ("Caddy et al. (2015)") is all we can show, unless the authors
  // are known, in which case it would only repeat them.
  const title = c.title ?? (c.authors ? null : c.label)
  return (
    <li id={`ref-${c.number}`} value={c.number}>
      {c.authors ? <span className="ref-authors">{c.authors} </span> : null}
      {c.year !== null ? <span className="ref-year">({c.year}). </span> : null}
      {title ? <cite className="ref-title">{withPeriod(title)} </cite> : null}
      {c.journal ? (
        <>
          <i className="ref-journal">{c.journal.trim()}</i>.{' '}
        </>
      ) : null}
      {c.studyType ? <span className="ref-type">{withPeriod(c.studyType)} </span> : null}
      {links.length > 0 ? (
        <span className="ref-links">
          {links.map((l, i) => (
            <span key={l.kind}>
              {i > 0 ? ' · ' : null}
              <a href={l.href} className={`ref-link ref-link-${l.kind}`}>
                {l.label}
              </a>
            </span>
          ))}
        </span>
      ) : (
        // A claim's source that cannot be looked up is flagged, not hidden: readers should weigh it.
        <span className="needs-source">Needs source: no DOI, PubMed ID or link is on record for this reference.</span>
      )}{' '}
      <BackLinks citation={c} />
    </li>
  )
}

export function ReferenceList({ citations }: { citations: readonly Citation[] }) {
  if (citations.length === 0) return null
  const ordered = [...citations].sort((a, b) => a.number - b.number)
  return (
    <section className="references" aria-labelledby="references">
      <h2 id="references">References</h2>
      <ol>
        {ordered.map((c) => (
          <Reference key={c.number} citation={c} />
        ))}
      </ol>
    </section>
  )
}
