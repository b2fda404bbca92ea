'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect } from 'react'

/**
 * An article is "Changed" while any of its sections has unpublished changes, not only when its own
 * fields do: the reader sees the article and its sections as one page, and publishing the article
 * publishes them (the publishSections hook). Payload counts only the article's own versions, so its
 * status reads "Published" and its Publish button stays greyed over a rewritten section; counting
 * one newer version here turns both into what the editor needs to see.
 * CASE the article was never published: Payload already shows "Draft" and offers Publish.
 * CASE no section has changes: the count is left as Payload computed it from the article's versions.
 */
export function useChangedBySections(sectionsChanged: boolean): void {
  const { hasPublishedDoc, unpublishedVersionCount, setUnpublishedVersionCount } = useDocumentInfo()
  useEffect(() => {
    if (sectionsChanged && hasPublishedDoc && unpublishedVersionCount === 0) setUnpublishedVersionCount(1)
  }, [sectionsChanged, hasPublishedDoc, unpublishedVersionCount, setUnpublishedVersionCount])
}
