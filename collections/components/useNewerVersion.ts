'use client'
import { useConfig, useDocumentInfo, useFormFields, useFormProcessing } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'
import { z } from './zod'

/** How often an open edit view asks whether someone else saved the document. */
export const VERSION_CHECK_MS = 5_000

const Latest = z.object({ updatedAt: z.string() })

/**
 * The time of a save by someone else after the copy this form was loaded from (or last saved as),
 * or null. Reads the latest version (drafts included) over REST; a newer one seen on two checks in
 * a row counts, so this editor's own save in flight (stored, not yet merged into the form) never
 * does.
 */
export function useNewerVersion(): string | null {
  const { config } = useConfig()
  const { id, collectionSlug } = useDocumentInfo()
  const formVersion = useFormFields(([fields]) => fields.updatedAt?.value)
  const processing = useFormProcessing()
  const [newer, setNewer] = useState<string | null>(null)
  const seenOnce = useRef<string | null>(null)

  useEffect(() => {
    if (id === undefined || id === null || !collectionSlug || typeof formVersion !== 'string') return
    const url = `${config.routes.api}/${collectionSlug}/${id}?draft=true&depth=0&select[updatedAt]=true`
    const check = async () => {
      if (processing) return
      const res = await fetch(url, { credentials: 'include', cache: 'no-store' })
      if (!res.ok) return
      const latest = Latest.safeParse(await res.json())
      if (!latest.success) return
      if (Date.parse(latest.data.updatedAt) <= Date.parse(formVersion)) {
        seenOnce.current = null
        setNewer(null)
      } else if (seenOnce.current === latest.data.updatedAt) {
        setNewer(latest.data.updatedAt)
      } else {
        seenOnce.current = latest.data.updatedAt
      }
    }
    const timer = setInterval(() => void check().catch(() => undefined), VERSION_CHECK_MS)
    return () => clearInterval(timer)
  }, [config.routes.api, collectionSlug, id, formVersion, processing])

  return newer
}
