'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useEditorConfigContext } from '@payloadcms/richtext-lexical/client'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { collectCitationIds, type LexicalState } from '@/richtext/citations'
import { z } from '../../components/zod'
import { relationIds, type Id } from '../../components/useDocsById'
import { ARTICLES, SECTIONS } from '../../slugs'
import { rowOfBody } from '../../Articles/text/rowPaths'
import { rowEditors, rowEditorsVersion, subscribeRowEditors } from '../../Articles/text/editors'

const Article = z.object({ sections: z.array(z.unknown()).nullish() })
const Sections = z.object({ docs: z.array(z.object({ id: z.union([z.string(), z.number()]), body: z.unknown() })) })

/** The article's sections in reading order, each with its latest draft body (null for this one). */
type Outline = { id: Id; body: LexicalState | null }[]

/** One pair of requests per article and save of this section, shared by every marker on the page. */
const outlines = new Map<string, Promise<Outline>>()

function outlineOf(api: string, articleId: Id, savedAt: string): Promise<Outline> {
  const key = `${articleId}@${savedAt}`
  let outline = outlines.get(key)
  if (!outline) {
    outline = (async () => {
      const get = async (url: string) => {
        const res = await fetch(url, { credentials: 'include' })
        if (!res.ok) throw new Error(`${res.status} ${url}`)
        return res.json() as Promise<unknown>
      }
      const ids = relationIds(Article.parse(await get(`${api}/${ARTICLES}/${articleId}?draft=true&depth=0&select[sections]=true`)).sections ?? [])
      if (ids.length === 0) return []
      const query = new URLSearchParams({ 'where[id][in]': ids.join(','), draft: 'true', depth: '0', limit: String(ids.length), 'select[body]': 'true' })
      const bodies = new Map(Sections.parse(await get(`${api}/${SECTIONS}?${query}`)).docs.map((s) => [String(s.id), s.body as LexicalState]))
      return ids.map((id) => ({ id, body: bodies.get(String(id)) ?? null }))
    })().catch(() => [])
    outlines.set(key, outline)
  }
  return outline
}

/** Editor states are immutable: one walk per state, however many markers ask. */
const markersByState = new WeakMap<object, string>()

/** The live markers as one string: typing that adds or moves no marker re-renders nothing. */
export function markersOf(state: { toJSON(): unknown }): string {
  let markers = markersByState.get(state)
  if (markers === undefined) {
    markers = collectCitationIds([state.toJSON() as LexicalState]).map(String).join(',')
    markersByState.set(state, markers)
  }
  return markers
}

/** On the article's writing surface: every row's markers as typed, in row order. */
function useArticleMarkers(): string[] {
  useSyncExternalStore(subscribeRowEditors, rowEditorsVersion, rowEditorsVersion)
  return rowEditors().flatMap((editor) => {
    const markers = markersOf(editor.getEditorState())
    return markers === '' ? [] : markers.split(',')
  })
}

/** In a section's own view: this section as typed, its article's other sections as their latest drafts. */
function useSectionMarkers(enabled: boolean): string[] {
  const [editor] = useLexicalComposerContext()
  const { config } = useConfig()
  const { id: sectionId, savedDocumentData } = useDocumentInfo()
  const articleId = enabled ? relationIds(savedDocumentData?.article === undefined || savedDocumentData?.article === null ? [] : [savedDocumentData.article])[0] : undefined
  const savedAt = typeof savedDocumentData?.updatedAt === 'string' ? savedDocumentData.updatedAt : ''
  const [outline, setOutline] = useState<Outline>([])
  const [live, setLive] = useState(() => markersOf(editor.getEditorState()))

  useEffect(() => editor.registerUpdateListener(({ editorState }) => setLive(markersOf(editorState))), [editor])

  useEffect(() => {
    if (articleId === undefined) return
    let current = true
    void outlineOf(config.routes.api, articleId, savedAt).then((found) => current && setOutline(found))
    return () => {
      current = false
    }
  }, [config.routes.api, articleId, savedAt])

  const liveIds = live === '' ? [] : live.split(',')
  const own = outline.some((s) => String(s.id) === String(sectionId))
  return own ? outline.flatMap((s) => (String(s.id) === String(sectionId) ? liveIds : collectCitationIds([s.body]).map(String))) : liveIds
}

/**
 * The number a citation will have in its article's reference list: works numbered by first
 * appearance in reading order across every section, as the reader page numbers them. On the
 * article's writing surface every section counts as typed; in a section's own view, this section
 * as typed and the others as their latest drafts. A loose section is numbered on its own.
 */
export function useCitationNumber(citationId: Id | undefined): number | undefined {
  const { fieldProps } = useEditorConfigContext()
  const onArticle = rowOfBody(fieldProps.path) !== null
  const articleOrder = useArticleMarkers()
  const sectionOrder = useSectionMarkers(!onArticle)
  if (citationId === undefined) return undefined
  const at = [...new Set(onArticle ? articleOrder : sectionOrder)].indexOf(String(citationId))
  return at < 0 ? undefined : at + 1
}
