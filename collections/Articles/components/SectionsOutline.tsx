'use client'
import { Link, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { z } from '../../components/zod'
import { lexicalToText } from '@/richtext/toText'
import type { LexicalState } from '@/richtext/citations'
import { SECTIONS } from '../../slugs'
import { relationIds, useDocsById } from '../../components/useDocsById'
import { sectionTitle } from '../../Sections/title'
import { useChangedBySections } from './useChangedBySections'

const SectionRow = z.object({
  id: z.union([z.string(), z.number()]),
  heading: z.string().nullish(),
  _status: z.enum(['draft', 'published']).nullish(),
  body: z.custom<LexicalState>((v) => typeof v === 'object' && v !== null && 'root' in v).nullish(),
})
const EXCERPT_CHARS = 140

function excerpt(body: z.infer<typeof SectionRow>['body']): string {
  const text = body ? lexicalToText(body).replace(/\s+/g, ' ').trim() : ''
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS).trimEnd()}…` : text
}

/**
 * The article as a reader will meet it: its sections in the order of the "sections" field (live,
 * before saving, so a drag shows here at once), each with the start of its text and a link into
 * its own edit view, where the rich text, its drafts and its version history live. Re-read after
 * every save of the article, so a publish clears the "Unpublished changes" badges it resolved.
 */
export const SectionsOutline: UIFieldClientComponent = () => {
  const { config } = useConfig()
  const value = useFormFields(([fields]) => fields.sections?.value)
  const ids = relationIds(value)
  const { savedDocumentData } = useDocumentInfo()
  const savedAt = typeof savedDocumentData?.updatedAt === 'string' ? savedDocumentData.updatedAt : ''
  const state = useDocsById({ collection: SECTIONS, ids, select: ['heading', '_status', 'body'], draft: true, schema: SectionRow, refreshKey: savedAt })
  // Only an answer read after the latest save counts: just after a publish, the old one still lists drafts.
  useChangedBySections(state.status === 'ready' && state.refreshKey === savedAt && state.docs.some((section) => section._status === 'draft'))

  return (
    <div className="sections-outline field-type">
      <h3 className="sections-outline__title">Reading order</h3>
      {ids.length === 0 ? <p className="sections-outline__empty">No sections yet: add one with the field above.</p> : null}
      {state.status === 'error' ? <p className="sections-outline__error">Could not load the sections ({state.message}).</p> : null}
      {state.status === 'ready' && ids.length > 0 ? (
        <ol className="sections-outline__list">
          {state.docs.map((section) => (
            <li key={section.id} className="sections-outline__item">
              <div className="sections-outline__head">
                <strong>{sectionTitle(section.heading)}</strong>
                {section._status === 'draft' ? <span className="sections-outline__badge">Unpublished changes</span> : null}
              </div>
              <p className="sections-outline__excerpt">{excerpt(section.body)}</p>
              <Link href={`${config.routes.admin}/collections/${SECTIONS}/${section.id}`} className="sections-outline__edit">
                Edit text
              </Link>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
