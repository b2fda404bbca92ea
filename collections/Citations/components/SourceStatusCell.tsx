'use client'
import type { DefaultCellComponentProps, SelectFieldClient } from 'payload'

/**
 * The list view's "Source" column as a badge: a citation without a DOI, PMID or URL must stand out
 * in a long list, not read like every other word in the table.
 */
export function SourceStatusCell({ cellData }: DefaultCellComponentProps<SelectFieldClient, string | null | undefined>) {
  const verified = cellData === 'verified'
  return (
    <span className={`source-status source-status--${verified ? 'verified' : 'needs-source'}`}>
      {verified ? 'Verified source' : 'Needs source'}
    </span>
  )
}
