import type { PayloadRequest } from 'payload'
import { CitationNumbering, collectCitationIds, escapeHtml, lexicalToHtml, type LexicalState } from '@/richtext'
import { CITATIONS } from '../slugs'

/**
 * Rich text as HTML for comparing versions in the admin: the reader site's HTML, with each citation
 * marker written as its citation's label (read with the viewer's access). Payload's own rich-text
 * diff shows a marker as an opaque "InlineBlock" hashed with its random block id, so every marker
 * read as removed and added again; here an unchanged marker is unchanged text.
 */
export async function richTextForDiff(req: PayloadRequest, states: (LexicalState | null | undefined)[]): Promise<(state: LexicalState | null | undefined, heading?: string | null) => string> {
  const ids = collectCitationIds(states)
  const { docs } =
    ids.length === 0
      ? { docs: [] }
      : await req.payload.find({ collection: CITATIONS, where: { id: { in: ids } }, select: { label: true }, draft: true, depth: 0, pagination: false, overrideAccess: false, user: req.user, req })
  const labels = new Map(docs.map((c) => [String(c.id), c.label]))
  const citationLabel = (id: string | number) => labels.get(String(id)) ?? `citation ${id}`
  return (state, heading) => {
    const title = heading ? `<h2>${escapeHtml(heading)}</h2>` : ''
    // An empty paragraph keeps an empty side in its column.
    return title + lexicalToHtml(state, new CitationNumbering(ids), { citationLabel }) || '<p></p>'
  }
}
