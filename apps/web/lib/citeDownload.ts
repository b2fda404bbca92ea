/**
 * The three reference downloads of an article (`cite.bib`, `cite.ris`, `cite.json`): one handler,
 * so they hold the same entries and answer the same statuses.
 */
import { toBibtex, toCslJson, toRis } from '@/citations/format'
import type { CslData } from '@/citations/record'
import { isCmsError } from '@/cms'
import { webEnv } from '@/env'
import { citeSource } from './articleCite'
import { downloadItems } from './cite'
import { cms } from './cms'
import { articlePath, isValidSlug } from './slug'
import { textNotFound } from './notFound'

const FORMATS = {
  bib: { write: toBibtex, type: 'application/x-bibtex; charset=utf-8' },
  ris: { write: toRis, type: 'application/x-research-info-systems; charset=utf-8' },
  json: { write: toCslJson, type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} satisfies Record<string, { write: (items: CslData[]) => string; type: string }>
export type DownloadFormat = keyof typeof FORMATS

export async function citeDownload(params: Promise<{ slug: string }>, format: DownloadFormat): Promise<Response> {
  const { slug } = await params
  if (!isValidSlug(slug)) return textNotFound()
  try {
    // Published version only, even in draft mode: a citation must point at what readers can see.
    const article = await cms().getArticleBySlug(slug)
    const items = downloadItems(article, citeSource(article, `${webEnv().WEB_URL}${articlePath(slug)}`))
    const { write, type } = FORMATS[format]
    return new Response(write(items), {
      headers: { 'content-type': type, 'content-disposition': `attachment; filename="${slug}.${format}"` },
    })
  } catch (error) {
    if (isCmsError(error) && error.status === 404) return textNotFound()
    // Status 0 / 5xx: Next answers 500, and the front server serves its stale copy or its 503 page.
    throw error
  }
}
