'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import { z } from '../../components/zod'

const Id = z.union([z.string(), z.number()])
export const Finding = z.object({
  citation: z.object({ id: Id, label: z.string() }),
  article: z.object({ id: Id, title: z.string() }),
  section: z.object({ id: Id, heading: z.string() }),
  sentence: z.string(),
  kind: z.enum(['venue', 'year']),
  message: z.string(),
  dismissal: z.object({ reason: z.string(), at: z.string() }).nullable(),
})
export type Finding = z.infer<typeof Finding>

export type FindingsState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; findings: Finding[] }

/**
 * The claim checks of the open document (an article or a citation), from
 * `GET /api/<collection>/<id>/claims`. `refreshKey` changes after a save, so the list follows the
 * text the server holds; `reload` is for after a dismissal.
 */
export function useClaimFindings(refreshKey: string): FindingsState & { reload: () => void } {
  const { config } = useConfig()
  const { id, collectionSlug } = useDocumentInfo()
  const [state, setState] = useState<FindingsState>({ status: 'loading' })
  const [round, setRound] = useState(0)
  const reload = useCallback(() => setRound((n) => n + 1), [])

  useEffect(() => {
    if (id === undefined || id === null || !collectionSlug) {
      setState({ status: 'ready', findings: [] })
      return
    }
    const controller = new AbortController()
    fetch(`${config.routes.api}/${collectionSlug}/${id}/claims`, { credentials: 'include', signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
        setState({ status: 'ready', findings: z.object({ findings: z.array(Finding) }).parse(await res.json()).findings })
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: err instanceof Error ? err.message : String(err) })
      })
    return () => controller.abort()
  }, [config.routes.api, collectionSlug, id, refreshKey, round])

  return { ...state, reload }
}
