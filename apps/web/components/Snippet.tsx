import type { SearchHit } from '@/cms'

/**
 * The matched sentence with its matched words in <mark>. Built from text and ranges, never from
 * HTML: React escapes every piece, so a query or a body containing markup shows as text.
 */
export function Snippet({ hit }: { hit: Pick<SearchHit, 'snippet' | 'highlights'> }) {
  const parts: (string | { mark: string })[] = []
  let at = 0
  for (const [start, end] of hit.highlights) {
    if (start < at || end > hit.snippet.length) continue
    if (start > at) parts.push(hit.snippet.slice(at, start))
    parts.push({ mark: hit.snippet.slice(start, end) })
    at = end
  }
  if (at < hit.snippet.length) parts.push(hit.snippet.slice(at))
  return (
    <p className="item-summary snippet">
      {parts.map((p, i) => (typeof p === 'string' ? p : <mark key={i}>{p.mark}</mark>))}
    </p>
  )
}
