/**
 * The article page. Server components only and plain <a> links: the page ships no JavaScript of its
 * own (only Next's runtime), works with scripts off, and every navigation is a full request the front
 * server can answer from its cache.
 */
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { webEnv } from '@/env'
import { ArticleHeader } from '@web/components/ArticleHeader'
import { HeroImage } from '@web/components/HeroImage'
import { ArticleSections } from '@web/components/ArticleSections'
import { ArticleTopics, RelatedArticles } from '@web/components/ArticleTopics'
import { CiteThisArticle } from '@web/components/CiteThisArticle'
import { JsonLd } from '@web/components/JsonLd'
import { MedicalDisclaimer } from '@web/components/MedicalDisclaimer'
import { PreviewBanner } from '@web/components/PreviewBanner'
import { ReferenceList } from '@web/components/ReferenceList'
import { TableOfContents } from '@web/components/TableOfContents'
import { citeSource } from '@web/lib/articleCite'
import { loadArticle, loadLiveArticle } from '@web/lib/cms'
import { heldLive, LIVE_PREVIEW_HEADER } from '@web/lib/livePreview'
import { LivePreview } from '@web/components/LivePreview'
import { draftState, type DraftState } from '@web/lib/draft'
import { highwireTags } from '@web/lib/highwire'
import { articleJsonLd } from '@web/lib/jsonLd'
import { readingMinutes } from '@web/lib/readingTime'
import { SITE_NAME } from '@web/lib/site'
import { articlePath, isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

/** Shared by generateMetadata and the page; loadArticle's React cache makes it one CMS request. */
async function load(params: Props['params']) {
  const { slug } = await params
  // A live-preview render (POST /api/preview/live) carries the editor's session and unsaved text.
  const live = heldLive((await headers()).get(LIVE_PREVIEW_HEADER))
  const draft: DraftState = live ? { enabled: true, token: live.token } : await draftState()
  const article = !isValidSlug(slug) ? null : live ? await loadLiveArticle(slug, live.token, live.live) : await loadArticle(slug, draft.token)
  return { slug, draft, article, canonical: `${webEnv().WEB_URL}${articlePath(slug)}` }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article, canonical, draft } = await load(params)
  // The page itself answers 404, and Next marks every 404 answer noindex on its own.
  if (!article) return { title: 'Page not found' }
  const description = article.summary ?? undefined
  // The hero's 1200 x 630 crop, or the card drawn from the title and byline (card.png/route.tsx).
  const card = article.heroImage?.card ?? { url: `${canonical}/card.png`, width: 1200, height: 630 }
  return {
    title: article.title,
    description,
    alternates: { canonical },
    // A draft must never be indexed, even if a preview URL leaks.
    robots: draft.enabled ? { index: false, follow: false } : undefined,
    openGraph: {
      type: 'article',
      url: canonical,
      siteName: SITE_NAME,
      title: article.title,
      description,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      authors: article.authors.map((a) => a.name),
      images: [{ url: card.url, width: card.width, height: card.height, alt: article.heroImage?.alt ?? article.title }],
    },
    twitter: { card: 'summary_large_image', title: article.title, description, images: [card.url] },
    other: highwireTags(article, SITE_NAME),
  }
}

export default async function ArticlePage({ params }: Props) {
  const { slug, draft, article, canonical } = await load(params)
  if (!article) notFound()
  const source = citeSource(article, canonical)
  return (
    <>
      {draft.enabled ? <PreviewBanner slug={slug} /> : null}
      {draft.enabled ? <LivePreview slug={slug} cmsOrigin={new URL(webEnv().CMS_URL).origin} /> : null}
      <article className="article">
        <ArticleHeader article={article} minutes={readingMinutes(article)} />
        {article.heroImage ? <HeroImage hero={article.heroImage} /> : null}
        <ArticleTopics topics={article.topics} />
        <MedicalDisclaimer />
        <TableOfContents sections={article.sections} hasReferences={article.citations.length > 0} />
        <ArticleSections sections={article.sections} />
        <ReferenceList citations={article.citations} style={webEnv().REFERENCE_STYLE} />
        <CiteThisArticle source={source} downloadBase={articlePath(slug)} />
      </article>
      <RelatedArticles related={article.related} />
      <JsonLd data={articleJsonLd(article, canonical, SITE_NAME, webEnv().WEB_URL)} />
    </>
  )
}
