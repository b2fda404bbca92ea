/**
 * `GET /articles/<slug>/card.png`: the 1200 x 630 link-preview image of an article without a hero
 * image of its own: publication, title and byline drawn with next/og (satori; its bundled font, no
 * download). Published version only, and cached by the front server like a page (purged on publish).
 */
import { ImageResponse } from 'next/og'
import { isCmsError } from '@/cms'
import { cms } from '@web/lib/cms'
import { isValidSlug } from '@web/lib/slug'
import { textNotFound } from '@web/lib/notFound'
import { SITE_NAME } from '@web/lib/site'

export const dynamic = 'force-dynamic'

const CARD_SIZE = { width: 1200, height: 630 } as const

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  if (!isValidSlug(slug)) return textNotFound()
  try {
    const article = await cms().getArticleBySlug(slug)
    const byline = article.authors.map((a) => a.name).join(', ')
    const reviewer = article.medicalReviewer ? `Medically reviewed by ${article.medicalReviewer.name}${article.medicalReviewer.credentials ? `, ${article.medicalReviewer.credentials}` : ''}` : ''
    return new ImageResponse(
      (
        <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 72, background: '#0f3b4c', color: '#ffffff' }}>
          <div style={{ fontSize: 32, color: '#9fd3e0' }}>{article.publication ?? SITE_NAME}</div>
          <div style={{ fontSize: article.title.length > 70 ? 56 : 68, fontWeight: 700, lineHeight: 1.15 }}>{article.title}</div>
          <div style={{ display: 'flex', flexDirection: 'column', fontSize: 28, color: '#d6eef4' }}>
            {byline ? <div>By {byline}</div> : null}
            {reviewer ? <div>{reviewer}</div> : null}
          </div>
        </div>
      ),
      CARD_SIZE,
    )
  } catch (error) {
    if (isCmsError(error) && error.status === 404) return textNotFound()
    throw error
  }
}
