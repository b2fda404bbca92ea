/** `GET /articles/<slug>/cite.bib`: the BibTeX entry of a published article, as a download. */
import { bibtexEntry } from '../../../../lib/cite'
import { citeSource } from '../../../../lib/articleCite'
import { cms } from '../../../../lib/cms'
import { articlePath, isValidSlug } from '../../../../lib/slug'
import { isCmsError } from '@/cms'
import { webEnv } from '@/env'

export const dynamic = 'force-dynamic'

const notFoundResponse = (): Response =>
  new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  if (!isValidSlug(slug)) return notFoundResponse()
  try {
    // Published version only, even in draft mode: a citation must point at what readers can see.
    const article = await cms().getArticleBySlug(slug)
    const body = bibtexEntry(citeSource(article, `${webEnv().WEB_URL}${articlePath(slug)}`))
    return new Response(body, {
      headers: {
        'content-type': 'application/x-bibtex; charset=utf-8',
        'content-disposition': `attachment; filename="${slug}.bib"`,
      },
    })
  } catch (error) {
    if (isCmsError(error) && error.status === 404) return notFoundResponse()
    // Status 0 / 5xx: Next answers 500, and the front server serves its stale copy or its 503 page.
    throw error
  }
}
