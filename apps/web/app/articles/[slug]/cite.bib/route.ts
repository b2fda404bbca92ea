/** `GET /articles/<slug>/cite.bib`: the article and its sourced references, as a download. */
import { citeDownload } from '@web/lib/citeDownload'

export const dynamic = 'force-dynamic'

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return citeDownload(params, 'bib')
}
