'use client'
import { useConfig, useForm, useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useState } from 'react'
import { z } from '../../components/zod'
// Browser-safe modules only (zod schemas, no server imports).
import { FillFields } from '@/citations/fill'
import { ErrorBody } from '@/cms/schemas'

/** A row id in the shape Payload gives array rows (24 hex digits, as a MongoDB ObjectId). */
const newRowId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')

const SIMPLE_FIELDS = ['title', 'journal', 'journalAbbreviation', 'volume', 'issue', 'pages', 'publicationType', 'doi', 'pmid'] as const

/**
 * "Fill from DOI / PMID": looks the identifier up on the server (POST /api/citations/lookup) and
 * puts the record into the form, for the editor to check and save. Nothing is saved here, and a
 * failed lookup changes no field; the message names the identifier and what went wrong.
 */
export const FillFromIdentifier: UIFieldClientComponent = () => {
  const { config } = useConfig()
  const { dispatchFields, addFieldRow, removeFieldRow, setModified } = useForm()
  const doi = useFormFields(([fields]) => fields.doi?.value)
  const pmid = useFormFields(([fields]) => fields.pmid?.value)
  const authorRows = useFormFields(([fields]) => fields.authorList?.rows?.length ?? 0)
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'failed'; message?: string }>({ kind: 'idle' })
  const identifiers = { doi: typeof doi === 'string' && doi.trim() ? doi.trim() : undefined, pmid: typeof pmid === 'string' && pmid.trim() ? pmid.trim() : undefined }

  const fill = async () => {
    setState({ kind: 'busy' })
    try {
      const res = await fetch(`${config.routes.api}/citations/lookup`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(identifiers),
      })
      const body: unknown = await res.json().catch(() => null)
      if (!res.ok) {
        const failure = ErrorBody.safeParse(body)
        throw new Error(failure.success ? failure.data.errors[0]!.message : `Lookup failed (${res.status})`)
      }
      const data = z.object({ fill: FillFields }).parse(body).fill
      for (const path of SIMPLE_FIELDS) {
        const value = data[path]
        if (value !== undefined) dispatchFields({ type: 'UPDATE', path, value })
      }
      for (let row = authorRows - 1; row >= 0; row--) removeFieldRow({ path: 'authorList', rowIndex: row })
      const rowIds = data.authorList.map(() => newRowId())
      data.authorList.forEach((name, rowIndex) => {
        const field = (value: string | null | undefined) => ({ value: value ?? '', initialValue: undefined, valid: true })
        const id = { value: rowIds[rowIndex], initialValue: rowIds[rowIndex], valid: true }
        addFieldRow({ path: 'authorList', schemaPath: 'authorList', rowIndex, subFieldState: { id, family: field(name.family), given: field(name.given), suffix: field(name.suffix) } })
      })
      // Added rows wait, greyed out, for the form's next server round trip to mark them loaded;
      // one already in flight can settle the form without it, leaving them greyed out for good.
      // These rows carry every value they need, so they are marked loaded here.
      dispatchFields({ type: 'UPDATE', path: 'authorList', rows: rowIds.map((id) => ({ id, isLoading: false })) })
      setModified(true)
      setState({ kind: 'done', message: `Filled from ${identifiers.doi ? `DOI ${identifiers.doi}` : `PMID ${identifiers.pmid}`}: check the fields, then save.` })
    } catch (err) {
      setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) })
    }
  }

  return (
    <div className="fill-from-identifier field-type">
      <button type="button" className="btn btn--style-secondary btn--size-small" disabled={state.kind === 'busy' || (!identifiers.doi && !identifiers.pmid)} onClick={() => void fill()}>
        {state.kind === 'busy' ? 'Looking up…' : 'Fill from DOI / PMID'}
      </button>
      {state.message ? (
        <p className={`fill-from-identifier__message fill-from-identifier__message--${state.kind}`} role={state.kind === 'failed' ? 'alert' : 'status'}>
          {state.message}
        </p>
      ) : null}
    </div>
  )
}
