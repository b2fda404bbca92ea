'use client'
import { Link, useConfig, useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { z } from 'zod'
import { CITATIONS } from '../../slugs'
import { relationIds, useDocsById } from '../../components/useDocsById'
import { summarizeCitations } from './citationSummary'

const CitationRow = z.object({
  id: z.union([z.string(), z.number()]),
  label: z.string(),
  sourceStatus: z.enum(['verified', 'needs-source']).nullish(),
})

/**
 * "2 of 3 citations verified; needs source: Feder et al. (2014)". A health article is only as good
 * as its sources, so the sidebar says how many of them a reader could check, and names (and links
 * to) the ones that still need a DOI, PMID or URL. Follows the derived citation list, which
 * changes on save.
 */
export const CitationQuality: UIFieldClientComponent = () => {
  const { config } = useConfig()
  const ids = relationIds(useFormFields(([fields]) => fields.citations?.value))
  const state = useDocsById({ collection: CITATIONS, ids, select: ['label', 'sourceStatus'], schema: CitationRow })

  if (state.status === 'loading') return <div className="citation-quality field-type">Checking citations…</div>
  if (state.status === 'error') return <div className="citation-quality field-type">Could not check citations ({state.message}).</div>
  const summary = summarizeCitations(state.docs)
  const flagged = state.docs.filter((c) => c.sourceStatus !== 'verified')
  const complete = summary.total > 0 && flagged.length === 0
  return (
    <div className={`citation-quality field-type${flagged.length > 0 ? ' citation-quality--warning' : ''}${complete ? ' citation-quality--ok' : ''}`} role="status">
      <div className="citation-quality__label">Sources</div>
      <p className="citation-quality__headline">
        {summary.headline}
        {flagged.length > 0 ? '; needs source: ' : null}
        {flagged.map((c, i) => (
          <span key={c.id}>
            {i > 0 ? ', ' : null}
            <Link href={`${config.routes.admin}/collections/${CITATIONS}/${c.id}`}>{c.label}</Link>
          </span>
        ))}
      </p>
    </div>
  )
}
