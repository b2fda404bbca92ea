import type { Section } from '@/cms'

/**
 * Section bodies are HTML the CMS has already sanitised (it owns the Lexical -> HTML conversion and
 * the citation markers); the reader site renders them as given rather than keeping a second converter.
 */
function SectionBody({ html }: { html: string }) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
}

export function ArticleSections({ sections }: { sections: readonly Section[] }) {
  return (
    <>
      {sections.map((s) =>
        s.heading === null ? (
          // The introduction: no heading, so no landmark name either; it reads as the article's opening.
          <div key={s.anchor} className="intro" id={s.anchor}>
            <SectionBody html={s.html} />
          </div>
        ) : (
          <section key={s.anchor} aria-labelledby={s.anchor}>
            <h2 id={s.anchor}>{s.heading}</h2>
            <SectionBody html={s.html} />
          </section>
        ),
      )}
    </>
  )
}
