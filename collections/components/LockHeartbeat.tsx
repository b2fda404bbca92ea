'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useEffect } from 'react'
import { LOCK_SECONDS } from '../hooks/documentLocks'
import { useNewerVersion } from './useNewerVersion'

/** Three beats per lock period: one lost request never lets a colleague in while the tab is open. */
const BEAT_MS = (LOCK_SECONDS * 1000) / 3

/**
 * Keeps this editor's lock on the open document alive while the tab is open, including while they
 * read or think without typing; the server refreshes only a lock they already hold. When the tab
 * closes the beats stop and the lock lapses within LOCK_SECONDS.
 *
 * Also says, and keeps saying, when someone else saved the document after the copy in this view:
 * the server refuses this view's saves from then on (409), and a passing toast is easy to miss.
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

  const newer = useNewerVersion()
  if (!newer) return null
  return (
    <div className="stale-copy-notice" role="alert">
      <strong>Someone else saved this {collectionSlug === 'articles' ? 'article' : 'section'} at {new Date(newer).toLocaleTimeString()}.</strong> Your
      changes here can no longer be saved. Copy what you need, then{' '}
      <button type="button" className="stale-copy-notice__reload" onClick={() => window.location.reload()}>
        reload
      </button>{' '}
      to see their version.
    </div>
  )
}
