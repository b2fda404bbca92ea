'use client'
import { Link, useAuth, useConfig } from '@payloadcms/ui'
import { useState } from 'react'
import type { User } from '@/payload-types'
import { CLAIM_DISMISSALS, SECTIONS } from '../../slugs'
import { isEditorUser } from '../../access/roles'
import type { Finding } from './useClaimFindings'
import { sectionTitle } from '../../Sections/title'

/**
 * Sentences whose claim about a source differs from the source's record, each with where it is and
 * (for editors) a box to dismiss it with a reason. Dismissed ones stay listed with their reason.
 */
export function ClaimChecks({ findings, onDismissed }: { findings: Finding[]; onDismissed: () => void }) {
  const open = findings.filter((f) => !f.dismissal)
  const dismissed = findings.filter((f) => f.dismissal)
  if (findings.length === 0) return null
  return (
    <div className="claim-checks">
      {open.length > 0 ? (
        <ul className="claim-checks__list">
          {open.map((f) => (
            <ClaimItem key={`${f.section.id}:${f.message}`} finding={f} onDismissed={onDismissed} />
          ))}
        </ul>
      ) : null}
      {dismissed.length > 0 ? (
        <ul className="claim-checks__list claim-checks__list--dismissed">
          {dismissed.map((f) => (
            <li key={`${f.section.id}:${f.message}`} className="claim-checks__item claim-checks__item--dismissed">
              {f.citation.label}: {f.message}. <em>Dismissed: {f.dismissal!.reason}</em>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function ClaimItem({ finding, onDismissed }: { finding: Finding; onDismissed: () => void }) {
  const { config } = useConfig()
  const { user } = useAuth<User>()
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const dismiss = async () => {
    setBusy(true)
    setProblem(null)
    try {
      const res = await fetch(`${config.routes.api}/${CLAIM_DISMISSALS}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ citation: finding.citation.id, claim: finding.message, reason }),
      })
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { errors?: { message: string; data?: { errors?: { message: string }[] } }[] } | null
        const first = body?.errors?.[0]
        throw new Error(first?.data?.errors?.[0]?.message ?? first?.message ?? `${res.status} ${res.statusText}`)
      }
      onDismissed()
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="claim-checks__item" role="alert">
      <strong>{finding.citation.label}</strong>: {finding.message}.{' '}
      <Link href={`${config.routes.admin}/collections/${SECTIONS}/${finding.section.id}`}>{sectionTitle(finding.section.heading)}</Link>
      <blockquote className="claim-checks__sentence">{finding.sentence}</blockquote>
      {isEditorUser(user) ? (
        <div className="claim-checks__dismiss">
          <input aria-label={`Reason to dismiss: ${finding.message}`} placeholder="Why the text stands as written" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy || reason.trim().length < 5} onClick={() => void dismiss()}>
            Dismiss
          </button>
          {problem ? <p className="claim-checks__problem">{problem}</p> : null}
        </div>
      ) : (
        <p className="claim-checks__note">Fix the sentence or the citation record; an editor can dismiss this with a reason.</p>
      )}
    </li>
  )
}
