'use client'
import { useConfig, useDocumentDrawer } from '@payloadcms/ui'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { CITATIONS } from '../../slugs'
import { citationSearchParams, CitationChoices, type CitationChoice } from './searchCitations'

type Props = {
  onChoose: (citation: CitationChoice) => void
  onClose: () => void
}

type Results = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; docs: CitationChoice[] }

/** Typing pauses this long before the search runs, so each keystroke does not cost a request. */
const SEARCH_DELAY_MS = 150

/**
 * "Cite a source": search the citation library by author, year, title, journal, DOI or PMID, see
 * enough of each work to pick the right one, and insert it with Enter or a click; or create a new
 * citation in Payload's own document drawer, which closes on save and inserts what was saved.
 */
export function CiteDialog({ onChoose, onClose }: Props) {
  const { config } = useConfig()
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<Results>({ status: 'loading' })
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const listId = useId()
  const [NewCitationDrawer, , { openDrawer, closeDrawer, isDrawerOpen }] = useDocumentDrawer({ collectionSlug: CITATIONS })

  useEffect(() => input.current?.focus(), [])

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`${config.routes.api}/${CITATIONS}?${citationSearchParams(query)}`, { credentials: 'include', signal: controller.signal })
        .then(async (res) => {
          if (!res.ok) throw new Error(`${res.status} ${res.statusText}`)
          setResults({ status: 'ready', docs: CitationChoices.parse(await res.json()).docs })
          setActive(0)
        })
        .catch((err: unknown) => {
          if (!controller.signal.aborted) setResults({ status: 'error', message: err instanceof Error ? err.message : String(err) })
        })
    }, SEARCH_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [config.routes.api, query])

  const docs = results.status === 'ready' ? results.docs : []
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onClose()
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (docs.length > 0) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : docs.length - 1)) % docs.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const chosen = docs[active]
      if (chosen) onChoose(chosen)
    }
  }

  return (
    <>
      {/* Payload's drawer stacks below this dialog's backdrop: the dialog steps aside while it is open. */}
      <div className="cite-dialog__backdrop" hidden={isDrawerOpen} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
        <div className="cite-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
          <h2 id={titleId} className="cite-dialog__title">
            Cite a source
          </h2>
          <input
            ref={input}
            className="cite-dialog__search"
            type="search"
            aria-label="Search citations by author, year, title, journal, DOI or PMID"
            placeholder="Author, year, title, journal, DOI or PMID"
            role="combobox"
            aria-expanded={docs.length > 0}
            aria-controls={listId}
            aria-activedescendant={docs[active] ? `${listId}-${active}` : undefined}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul id={listId} className="cite-dialog__results" role="listbox" aria-label="Matching citations">
            {docs.map((doc, i) => (
              <li
                key={String(doc.id)}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={`cite-dialog__result${i === active ? ' cite-dialog__result--active' : ''}`}
                onMouseEnter={() => setActive(i)}
                onClick={() => onChoose(doc)}
              >
                <span className="cite-dialog__label">{doc.label}</span>
                {doc.sourceStatus !== 'verified' ? <span className="cite-dialog__flag"> · needs source</span> : null}
                <span className="cite-dialog__work">{[doc.title, doc.journal, doc.doi ? `doi:${doc.doi}` : doc.pmid ? `PMID ${doc.pmid}` : null].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
          {results.status === 'ready' && docs.length === 0 ? <p className="cite-dialog__empty">No citation matches “{query}”.</p> : null}
          {results.status === 'error' ? <p className="cite-dialog__empty">Searching failed: {results.message}</p> : null}
          <div className="cite-dialog__actions">
            <button type="button" className="btn btn--style-secondary btn--size-small" onClick={openDrawer}>
              New citation
            </button>
            <button type="button" className="btn btn--style-subtle btn--size-small" onClick={onClose}>
              Cancel
            </button>
          </div>
        </div>
      </div>
      <NewCitationDrawer
        onSave={({ doc }) => {
          const created = CitationChoices.shape.docs.element.safeParse(doc)
          closeDrawer()
          if (created.success) onChoose(created.data)
        }}
      />
    </>
  )
}
