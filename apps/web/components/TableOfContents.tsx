import type { Section } from '@/cms'

/** Links to every headed section (the introduction has none) and to the references. */
export function TableOfContents({ sections, hasReferences }: { sections: readonly Section[]; hasReferences: boolean }) {
  const headed = sections.filter((s): s is Section & { heading: string } => s.heading !== null)
  if (headed.length === 0 && !hasReferences) return null
  return (
    <nav className="toc" aria-label="Contents">
      <p className="toc-title">Contents</p>
      <ol>
        {headed.map((s) => (
          <li key={s.anchor}>
            <a href={`#${s.anchor}`}>{s.heading}</a>
          </li>
        ))}
        {hasReferences ? (
          <li>
            <a href="#references">References</a>
          </li>
        ) : null}
      </ol>
    </nav>
  )
}
