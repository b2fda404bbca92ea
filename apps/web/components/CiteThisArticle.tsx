import { CITATION_STYLES, formatOne, STYLE_NAMES } from '@/citations/format'
import { articleCsl, type CiteSource } from '../lib/cite'

const DOWNLOADS = [
  { ext: 'bib', name: 'BibTeX', type: 'application/x-bibtex' },
  { ext: 'ris', name: 'RIS', type: 'application/x-research-info-systems' },
  { ext: 'json', name: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json' },
] as const

/** The article cited in the three styles health publishers ask for, and as files for reference managers. */
export function CiteThisArticle({ source, downloadBase }: { source: CiteSource; downloadBase: string }) {
  const item = articleCsl(source)
  return (
    <section className="cite-this" aria-labelledby="cite-this-article">
      <h2 id="cite-this-article">Cite this article</h2>
      <dl>
        {CITATION_STYLES.map((style) => (
          <div key={style}>
            <dt>{STYLE_NAMES[style]}</dt>
            <dd className={`cite-${style}`}>{formatOne(item, style)}</dd>
          </div>
        ))}
        <dt className="no-print">Download with references</dt>
        <dd className="no-print cite-downloads">
          {DOWNLOADS.map((d, i) => (
            <span key={d.ext}>
              {i > 0 ? ' · ' : null}
              <a href={`${downloadBase}/cite.${d.ext}`} download={`${source.slug}.${d.ext}`} type={d.type}>
                {d.name}
              </a>
            </span>
          ))}
        </dd>
      </dl>
    </section>
  )
}
