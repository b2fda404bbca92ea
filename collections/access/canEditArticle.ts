import type { Access, PayloadRequest, Where } from 'payload'
import { SECTIONS } from '../slugs'
import { relationId } from '@/text/relationId'
import { hasRole, isEditorUser } from './roles'
import { authoredArticleIds } from './authoredArticles'

/**
 * Editorial review: editors and admins publish; authors write drafts. Every author save is turned
 * into a draft version before access runs (hooks/authorsSaveDrafts), so the rules below only have
 * to say WHICH documents an author may draft, and refuse an explicit publish with a clear 403.
 * Where-constraints (not yes/no) so list updates, by-id updates and GraphQL are narrowed alike.
 */
const wantsPublish = (data: unknown) => (data as { _status?: unknown } | undefined)?._status === 'published'
const isAuthor = (req: PayloadRequest) => !!req.user && hasRole(req.user, 'author') && !isEditorUser(req.user)

/** CASE editor/admin: any article. CASE author: drafts of articles that list them. CASE others: nothing. */
export const canEditArticle: Access = ({ req, data }) => {
  if (isEditorUser(req.user)) return true
  if (!isAuthor(req) || wantsPublish(data)) return false
  return { writers: { contains: req.user!.id } }
}

/** Authors may create articles only as drafts (and become one of its writers: hooks/authors). */
export const canCreateArticle: Access = ({ req, data }) => {
  if (isEditorUser(req.user)) return true
  return isAuthor(req) && !wantsPublish(data)
}

const articleOf = (data: unknown): string | number | null | undefined => {
  const value = (data as { article?: unknown } | undefined)?.article
  if (value === undefined || value === null) return value
  return relationId(value as string | number | { id: string | number })
}

/**
 * CASE editor/admin: any section. CASE author: a new draft section with no article yet (made from
 * the article's drawer; the article claims it on save) or for an article that lists them.
 */
export const canCreateSection: Access = async ({ req, data }) => {
  if (isEditorUser(req.user)) return true
  if (!isAuthor(req) || wantsPublish(data)) return false
  const article = articleOf(data)
  if (article == null) return true
  return (await authoredArticleIds(req)).map(String).includes(String(article))
}

/**
 * CASE editor/admin: any section. CASE author: drafts of sections of articles that list them, and
 * sections they created that no article has claimed yet; never a move to another article (moving
 * text between articles is an editorial decision, and would put it on a page the author does not write).
 */
export const canEditSection: Access = async ({ req, data, id }) => {
  if (isEditorUser(req.user)) return true
  if (!isAuthor(req) || wantsPublish(data)) return false
  const mine = await authoredArticleIds(req)
  const target = articleOf(data)
  if (target !== undefined && id !== undefined) {
    const current = await req.payload.findByID({ collection: SECTIONS, id, draft: true, depth: 0, select: { article: true }, overrideAccess: true, disableErrors: true, req })
    const currentArticle = current?.article == null ? null : relationId(current.article)
    if (currentArticle !== null && String(currentArticle) !== String(target)) return false
    if (currentArticle === null && target !== null && !mine.map(String).includes(String(target))) return false
  }
  if (target !== undefined && id === undefined) return false
  const unclaimed: Where = { and: [{ article: { exists: false } }, { createdBy: { equals: req.user!.id } }] }
  return mine.length > 0 ? { or: [{ article: { in: mine } }, unclaimed] } : unclaimed
}
