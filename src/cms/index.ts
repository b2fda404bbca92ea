/**
 * What apps import: `import { createCmsClient, isCmsError, type AssembledArticle } from '@/cms'`.
 *
 * `openapi.ts` is left out on purpose: only the CMS serves the API document, and the reader site's
 * bundle has no use for it. Import it from '@/cms/openapi' there.
 */
export * from './schemas'
export { CmsError, isCmsError, type CmsErrorDetail } from './errors'
export { toQueryString } from './queryString'
export type { FetchInit } from './transport'
export {
  createCmsClient,
  articleSummarySelect,
  type CmsClient,
  type CmsClientOptions,
  type ConditionalArticle,
  type GetArticleOptions,
  type ListArticlesOptions,
} from './client'
