'use client'
import { useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { ClaimChecks } from './ClaimChecks'
import { useClaimFindings } from './useClaimFindings'

/** On a citation's edit view: the sentences, in every article citing it, that its record contradicts. */
export const CitationClaims: UIFieldClientComponent = () => {
  const claims = useClaimFindings(String(useFormFields(([fields]) => fields.updatedAt?.value) ?? ''))
  if (claims.status !== 'ready' || claims.findings.length === 0) return null
  const open = claims.findings.filter((f) => !f.dismissal).length
  return (
    <div className={`citation-quality field-type${open > 0 ? ' citation-quality--warning' : ''}`} role="status">
      <div className="citation-quality__label">Claims in articles</div>
      <p className="citation-quality__headline">{open === 0 ? 'Every difference from this record is dismissed' : open === 1 ? '1 sentence differs from this record' : `${open} sentences differ from this record`}</p>
      <ClaimChecks findings={claims.findings} onDismissed={claims.reload} />
    </div>
  )
}
