'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useEffect } from 'react'
import { LOCK_SECONDS } from '../hooks/documentLocks'

/** Three beats per lock period: one lost request never lets a colleague in while the tab is open. */
const BEAT_MS = (LOCK_SECONDS * 1000) / 3

/**
 * Keeps this editor's lock on the open document alive while the tab is open, including while they
 * read or think without typing; the server refreshes only a lock they already hold. When the tab
 * closes the beats stop and the lock lapses within LOCK_SECONDS. Renders nothing.
 */
export const LockHeartbeat: UIFieldClientComponent = () => {
  const { config } = useConfig()
  const { id, collectionSlug } = useDocumentInfo()

  useEffect(() => {
    if (id === undefined || id === null || !collectionSlug) return
    const url = `${config.routes.api}/${collectionSlug}/${id}/lock-heartbeat`
    const beat = () => void fetch(url, { method: 'POST', credentials: 'include' }).catch(() => undefined)
    const timer = setInterval(beat, BEAT_MS)
    return () => clearInterval(timer)
  }, [config.routes.api, collectionSlug, id])

  return null
}
