'use client'
import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { z } from './zod'

export type Id = string | number

/** `refreshKey`: the key the documents were read for, so a caller can tell a stale answer from a fresh one. */
export type DocsState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; docs: T[]; refreshKey: string }

type Options<T> = {
  collection: string
  ids: Id[]
  /** Fields to ask for (REST `select`): the admin page must not pull whole documents it does not show. */
  select: string[]
  /** Read the newest versions, as the editor sees them. */
  draft?: boolean
  schema: z.ZodType<T & { id: Id }>
  /** Changes when the documents may have changed without their ids changing, e.g. the parent was saved. */
  refreshKey?: string
}

/**
 * Documents by id, in the order of `ids`, read over the same REST API (and the same session cookie)
 * the admin itself uses. Refetches when the ids change (a reorder) or `refreshKey` does (a save).
 */
export function useDocsById<T>({ collection, ids, select, draft = false, schema, refreshKey = '' }: Options<T>): DocsState<T & { id: Id }> {
  const { config } = useConfig()
  const [state, setState] = useState<DocsState<T & { id: Id }>>({ status: 'loading' })
  const key = ids.map(String).join(',')
  const selectKey = select.join(',')

  useEffect(() => {
    if (key === '') {
      setState({ status: 'ready', docs: [], refreshKey })
      return
    }
    const controller = new AbortController()
    const params = new URLSearchParams({ 'where[id][in]': key, depth: '0', limit: String(ids.length), draft: String(draft) })
    for (const field of selectKey.split(',')) params.set(`select[${field}]`, 'true')
    fetch(`${config.routes.api}/${collection}?${params}`, { credentials: 'include', signal: controller.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
        const body = z.object({ docs: z.array(schema) }).parse(await res.json())
        const byId = new Map(body.docs.map((d) => [String(d.id), d]))
        setState({ status: 'ready', docs: key.split(',').flatMap((id) => byId.get(id) ?? []), refreshKey })
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: err instanceof Error ? err.message : String(err) })
      })
    return () => controller.abort()
    // `ids` and `select` enter through `key` and `selectKey`: the arrays are new on every render.
  }, [config.routes.api, collection, key, selectKey, draft, schema, refreshKey])

  return state
}

/** The ids in a relationship field's form value (ids, or populated documents after some reads). */
export function relationIds(value: unknown): Id[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((v: unknown): Id[] => {
    if (typeof v === 'string' || typeof v === 'number') return [v]
    if (typeof v === 'object' && v !== null && 'id' in v && (typeof v.id === 'string' || typeof v.id === 'number')) return [v.id]
    return []
  })
}
