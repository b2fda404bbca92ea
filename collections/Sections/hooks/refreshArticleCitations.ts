import type { CollectionAfterChangeHook } from 'payload'
import type { Article, Section } from '@/payload-types'
import { ARTICLES } from '../../slugs'
import { collectCitationIds } from '@/richtext'
import { relationId } from '@/text/relationId'
import { NESTED_WRITE, REFRESHING_CITATIONS, withContext } from '../../hooks/withContext'
import { latestSectionVersions } from '../latestVersions'
import { isAutosave } from '../../hooks/isAutosave'

const sameIds = (a: (string | number)[], b: (string | number)[]): boolean =>
  a.length === b.length && a.every((id, i) => String(id) === String(b[i]))

/**
 * An article's citation list is derived from its sections (deriveFromSections), so a section save
 * that adds or removes a citation marker re-saves the article to re-derive it: the list in the
 * admin and the "N of M verified" count follow the text without the editor touching the article.
 *
 * CASE nested write from an article save or the seed (`NESTED_WRITE`): that caller derives the
 * list itself; re-saving the article from inside its own hooks would loop.
 * CASE autosave: skipped, or every pause in typing would add an article version. So the next save
 * that is not an autosave compares with the article's list, not with the section's previous
 * version: autosave may already have stored the removal that this publish or draft save carries.
 * CASE the article's list comes out the same (most text edits; or the work is cited elsewhere too):
 * nothing to do, no article version.
 * CASE section published, and neither the article nor its other sections have pending drafts: the
 * article is re-published as it stands, so the citations' public flags follow at once.
 * CASE otherwise: the article gets a draft (its list is derived from the drafts an article publish
 * would publish), so a section save never publishes someone's pending edits or draft-only citations.
 */
export const refreshArticleCitations: CollectionAfterChangeHook<Section> = async ({ doc, req }) => {
  if (req.context[NESTED_WRITE] || isAutosave(req) || !doc.article) return doc

  const articleId = relationId(doc.article)
  const article = (await req.payload.findByID({
    collection: ARTICLES,
    id: articleId,
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Article | null
  if (!article) return doc
  const sections = await latestSectionVersions(req, (article.sections ?? []).map(relationId), ['body', '_status'])
  if (sameIds(collectCitationIds(sections.map((s) => s.body)), (article.citations ?? []).map(relationId))) return doc
  const othersPublished = sections.every((s) => String(s.id) === String(doc.id) || s._status === 'published')
  const republish = doc._status === 'published' && article._status === 'published' && othersPublished
  await withContext(req, { [REFRESHING_CITATIONS]: true, [NESTED_WRITE]: true }, () =>
    req.payload.update({
      collection: ARTICLES,
      id: articleId,
      data: republish ? { _status: 'published' } : {},
      draft: !republish,
      depth: 0,
      overrideAccess: true,
      // The editor holding the article open must not make their own section save fail.
      overrideLock: true,
      req,
    }),
  )
  return doc
}
