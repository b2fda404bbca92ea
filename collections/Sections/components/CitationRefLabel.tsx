'use client'
import { useFormFields } from '@payloadcms/ui'
import { CitationChoice } from '../cite/searchCitations'
import { CITATIONS } from '../../slugs'
import { relationIds, useDocsById } from '../../components/useDocsById'
import { useCitationNumber } from './useCitationNumbers'

const SELECT = ['label', 'firstAuthor', 'year', 'title', 'journal', 'sourceStatus']

/**
 * What a citation marker shows inside the editor: "Zarate 2006", so an editor reading a paragraph
 * sees which work each sentence rests on without opening the drawer, and a marker whose citation
 * has no DOI, PMID or URL says so where the claim is made. Beside it, the number the work will
 * have in the article's reference list (./useCitationNumbers).
 *
 * A client component inside the block's own form: it follows the citation picked in the drawer at
 * once (a server-rendered label is refreshed only by a form-state request that a later change can
 * cancel). The label is read, never stored in the rich-text JSON, so it cannot go stale there.
 */
export function CitationRefLabel() {
  const value = useFormFields(([fields]) => fields.citation?.value)
  const ids = relationIds(value === undefined || value === null ? [] : [value])
  const state = useDocsById({ collection: CITATIONS, ids, select: SELECT, schema: CitationChoice })
  const number = useCitationNumber(ids[0])

  if (ids.length === 0) return <span className="citation-ref-label citation-ref-label--empty">Citation: choose a source</span>
  if (state.status === 'loading') return <span className="citation-ref-label">Citation…</span>
  const citation = state.status === 'ready' ? state.docs[0] : undefined
  if (!citation) return <span className="citation-ref-label citation-ref-label--missing">Citation #{ids[0]} (not found)</span>
  const needsSource = citation.sourceStatus !== 'verified'
  const title = [citation.label, citation.title, citation.journal].filter(Boolean).join(' · ')
  return (
    <>
      {number !== undefined ? (
        <span className="citation-ref-number" aria-label={`reference ${number}`}>
          {number}
        </span>
      ) : null}
      <span className={`citation-ref-label${needsSource ? ' citation-ref-label--needs-source' : ''}`} title={title}>
        {citation.firstAuthor} {citation.year}
        {needsSource ? <span className="citation-ref-label__flag"> · needs source</span> : null}
      </span>
    </>
  )
}
