import type { Citation } from '@/cms'
import { formatEntries, type CitationStyle } from '@/citations/format'
import { referenceCsl, referenceId } from '../lib/cite'
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

/**
 * A reference with a title is printed in the configured CSL style; its DOI, PubMed and URL are left
 * out of the styled text and follow it as links, so each identifier appears once and is clickable.
 * Without a title, the in-text label ("Caddy et al. (2015)") is all there is to show.
 */
function Reference({ citation: c, styled }: { citation: Citation; styled: string | undefined }) {
  const links = referenceLinks(c)
  return (
    <li id={`ref-${c.number}`} value={c.number}>
      {styled ? (
        // citeproc escapes every value it prints; the markup is its own (<i>, <b>, <span>).
        <span className="ref-entry" dangerouslySetInnerHTML={{ __html: styled }} />
      ) : (
        <span className="ref-label">{withPeriod(c.authors && c.year !== null ? `${c.authors} (${c.year})` : c.label)}</span>
      )}{' '}
      {c.studyType ? <span className="ref-type">{withPeriod(c.studyType.charAt(0).toUpperCase() + c.studyType.slice(1))} </span> : null}
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

export function ReferenceList({ citations, style }: { citations: readonly Citation[]; style: CitationStyle }) {
  if (citations.length === 0) return null
  const ordered = [...citations].sort((a, b) => a.number - b.number)
  const withTitles = ordered.filter((c) => c.title?.trim()).map((c) => ({ ...referenceCsl(c), DOI: undefined, PMID: undefined, URL: undefined }))
  const styled = formatEntries(withTitles, style, 'html')
  return (
    <section className="references" aria-labelledby="references">
      <h2 id="references">References</h2>
      <ol>
        {ordered.map((c) => (
          <Reference key={c.number} citation={c} styled={styled.get(referenceId(c))} />
        ))}
      </ol>
    </section>
  )
}
