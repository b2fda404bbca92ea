'use client'
import { Link, useConfig, useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { z } from '../../components/zod'
import { CITATIONS } from '../../slugs'
import { relationIds, useDocsById } from '../../components/useDocsById'
import { summarizeCitations } from './citationSummary'
import { ClaimChecks } from '../../ClaimDismissals/components/ClaimChecks'
import { useClaimFindings } from '../../ClaimDismissals/components/useClaimFindings'

const CitationRow = z.object({
  id: z.union([z.string(), z.number()]),
  label: z.string(),
  sourceStatus: z.enum(['verified', 'needs-source']).nullish(),
})

/**
 * "2 of 3 citations verified; needs source: Feder et al. (2014)". A health article is only as good
 * as its sources, so the sidebar says how many of them a reader could check, and names (and links
 * to) the ones that still need a DOI, PMID or URL. Follows the derived citation list, which
 * changes on save. Below it, sentences whose claims differ from their sources' records (claim checks).
 */
export const CitationQuality: UIFieldClientComponent = () => {
  const { config } = useConfig()
  const ids = relationIds(useFormFields(([fields]) => fields.citations?.value))
  const state = useDocsById({ collection: CITATIONS, ids, select: ['label', 'sourceStatus'], schema: CitationRow })
  // Re-checked after every save: the server compares the saved text.
  const claims = useClaimFindings(String(useFormFields(([fields]) => fields.updatedAt?.value) ?? ''))

  if (state.status === 'loading') return <div className="citation-quality field-type">Checking citations…</div>
  if (state.status === 'error') return <div className="citation-quality field-type">Could not check citations ({state.message}).</div>
  const findings = claims.status === 'ready' ? claims.findings : []
  const summary = summarizeCitations(state.docs, findings.filter((f) => !f.dismissal).length)
  const flagged = state.docs.filter((c) => c.sourceStatus !== 'verified')
  const complete = summary.total > 0 && flagged.length === 0 && summary.claimsToCheck === 0
  return (
    <div className={`citation-quality field-type${flagged.length > 0 || summary.claimsToCheck > 0 ? ' citation-quality--warning' : ''}${complete ? ' citation-quality--ok' : ''}`} role="status">
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
        {summary.claimsToCheck > 0 ? `; ${summary.claimsLine}` : null}
      </p>
      {claims.status === 'error' ? <p className="citation-quality__problem">Could not check claims ({claims.message}).</p> : null}
      <ClaimChecks findings={findings} onDismissed={claims.reload} />
    </div>
  )
}
