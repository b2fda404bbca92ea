'use client'
import { Link, useAuth, useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { z } from '../../components/zod'
import type { User } from '@/payload-types'
import { ARTICLES } from '../../slugs'
import { isEditorUser } from '../../access/roles'

const Count = z.object({ totalDocs: z.number() })
/** Latest drafts with an open request, oldest request first: the order an editor should take them in. */
export const REVIEW_QUEUE_QUERY = 'where[reviewRequestedAt][exists]=true&sort=reviewRequestedAt'

/**
 * Editors' notice of articles waiting for review, with a link to the queue (the articles list
 * filtered to open requests). Shown above the articles list and on the dashboard; nothing for
 * authors, and nothing when the queue is empty.
 */
export function ReviewQueue() {
  const { config } = useConfig()
  const { user } = useAuth<User>()
  const [waiting, setWaiting] = useState<number | null>(null)
  const editor = isEditorUser(user)

  useEffect(() => {
    if (!editor) return
    const controller = new AbortController()
    fetch(`${config.routes.api}/${ARTICLES}?draft=true&depth=0&limit=0&${REVIEW_QUEUE_QUERY}`, { credentials: 'include', signal: controller.signal })
      .then(async (res) => setWaiting(Count.parse(await res.json()).totalDocs))
      .catch(() => undefined)
    return () => controller.abort()
  }, [config.routes.api, editor])

  if (!editor || !waiting) return null
  return (
    <div className="review-queue" role="status">
      {waiting === 1 ? '1 article awaits review.' : `${waiting} articles await review.`}{' '}
      <Link href={`${config.routes.admin}/collections/${ARTICLES}?${REVIEW_QUEUE_QUERY}`}>Open the review queue</Link>
    </div>
  )
}
