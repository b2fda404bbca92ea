'use client'
import { useRowLabel } from '@payloadcms/ui'
import { sectionTitle } from '../../Sections/title'

/** A row of the writing surface is named by its heading; the untitled opening one is the introduction. */
export function SectionRowLabel() {
  const { data } = useRowLabel<{ heading?: string | null }>()
  return <span className="article-text__label">{sectionTitle(data?.heading)}</span>
}
