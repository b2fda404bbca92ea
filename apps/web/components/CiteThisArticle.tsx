import { apaParts, type CiteSource } from '../lib/cite'

export function CiteThisArticle({ source, bibtexHref }: { source: CiteSource; bibtexHref: string }) {
  const apa = apaParts(source)
  return (
    <section className="cite-this" aria-labelledby="cite-this-article">
      <h2 id="cite-this-article">Cite this article</h2>
      <dl>
        <dt>APA</dt>
        <dd className="apa">
          {apa.before}
          <i>{apa.title}</i>
          {apa.after}
        </dd>
        <dt className="no-print">BibTeX</dt>
        <dd className="no-print">
          <a href={bibtexHref} download={`${source.slug}.bib`} type="application/x-bibtex">
            Download {source.slug}.bib
          </a>
        </dd>
      </dl>
    </section>
  )
}
