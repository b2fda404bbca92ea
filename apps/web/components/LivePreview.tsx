'use client'
import { useEffect } from 'react'

/** After the last change, how long to wait for the next one before rendering. */
const DEBOUNCE_MS = 120

type LiveMessage = { type: 'payload-live-preview'; data?: { title?: unknown; summary?: unknown; text?: unknown } }

const isLiveMessage = (data: unknown): data is LiveMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'payload-live-preview'

/**
 * Draft mode only (readers never get it): the preview frame beside the editor follows the form as
 * it is typed, not only its saves. The admin posts its form on every change once the frame says it
 * is ready; after a pause of DEBOUNCE_MS the frame asks the reader site to render the page with
 * that text (POST /api/preview/live) and swaps in the new article, so the preview is the reader's
 * markup, numbering and reference list, without a reload or a jump in scroll position.
 * Answers that arrive out of order are dropped: only the latest text is shown.
 */
export function LivePreview({ slug, cmsOrigin }: { slug: string; cmsOrigin: string }) {
  useEffect(() => {
    if (window.parent === window) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let asked = 0
    let shown = 0

    const render = async (data: NonNullable<LiveMessage['data']>) => {
      const ask = ++asked
      const live = { title: data.title, summary: data.summary, text: data.text }
      const res = await fetch('/api/preview/live', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slug, live }) }).catch(() => null)
      if (!res?.ok || ask < shown) return
      const page = new DOMParser().parseFromString(await res.text(), 'text/html')
      const next = page.querySelector('article.article')
      const current = document.querySelector('article.article')
      if (!next || !current || ask < shown) return
      shown = ask
      current.replaceWith(document.adoptNode(next))
      document.documentElement.dataset.livePreview = String(ask)
    }

    const onMessage = (event: MessageEvent) => {
      if (event.origin !== cmsOrigin || event.source !== window.parent || !isLiveMessage(event.data) || !event.data.data) return
      const data = event.data.data
      clearTimeout(timer)
      timer = setTimeout(() => void render(data), DEBOUNCE_MS)
    }
    window.addEventListener('message', onMessage)
    // The admin sends the form only after this.
    window.parent.postMessage({ type: 'payload-live-preview', ready: true }, cmsOrigin)
    return () => {
      clearTimeout(timer)
      window.removeEventListener('message', onMessage)
    }
  }, [slug, cmsOrigin])
  return null
}
