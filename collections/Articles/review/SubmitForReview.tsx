'use client'
import { Button, useConfig, useDocumentInfo, useForm, useFormFields } from '@payloadcms/ui'
import { useState } from 'react'
import { ARTICLES } from '../../slugs'

/**
 * What an author has where editors have "Publish": editors publish, so the author asks for review.
 * The request is an ordinary draft save of the form (with everything typed so far) that sets
 * `reviewRequestedAt`; the server records who asked, and publishing clears it. Editors find
 * requests in the review queue above the articles list and on the dashboard.
 */
export function SubmitForReview() {
  const { config } = useConfig()
  const { id, collectionSlug } = useDocumentInfo()
  const { submit } = useForm()
  const requested = useFormFields(([fields]) => fields.reviewRequestedAt?.value)
  const [busy, setBusy] = useState(false)
  if (collectionSlug !== ARTICLES) return <p className="role-note">Editors publish sections with their article.</p>
  if (id === undefined || id === null) return null

  const ask = async () => {
    setBusy(true)
    try {
      await submit({
        action: `${config.routes.api}/${ARTICLES}/${id}?depth=0&draft=true`,
        method: 'PATCH',
        overrides: { _status: 'draft', reviewRequestedAt: new Date().toISOString() },
        skipValidation: true,
      })
    } finally {
      setBusy(false)
    }
  }

  const when = typeof requested === 'string' && requested ? new Date(requested).toLocaleString() : null
  return (
    <div className="submit-for-review">
      <Button buttonStyle="primary" size="medium" disabled={busy} onClick={() => void ask()}>
        {when ? 'Submit again' : 'Submit for review'}
      </Button>
      <p className="role-note">{when ? `Review requested ${when}. An editor will publish it.` : 'Editors publish. Submit this draft for review when it is ready.'}</p>
    </div>
  )
}
