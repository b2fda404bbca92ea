/**
 * What apps import: `import { createCmsClient, isCmsError, type AssembledArticle } from '@/cms'`.
 *
 * The OpenAPI document is built from these schemas inside the CMS (`apps/cms/openapi/`): only the CMS
 * serves it, and the reader site's bundle has no use for it.
 */
export * from './schemas'
export { CmsError, isCmsError, type CmsErrorDetail } from './errors'
export { toQueryString } from './queryString'
export type { FetchInit } from './transport'
export {
  createCmsClient,
  articleSummarySelect,
  personSelect,
  topicSelect,
  type CmsClient,
  type CmsClientOptions,
  type ConditionalArticle,
  type GetArticleOptions,
  type ListArticlesOptions,
} from './client'
