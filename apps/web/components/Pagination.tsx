/**
 * Plain links with rel=prev/next. Page 1 has no `page` parameter, so every list has one URL for its
 * first page (and one cache entry). `params` are kept on every link (e.g. the front page's topic).
 */
export function pageHref(basePath: string, page: number, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params)
  if (page > 1) query.set('page', String(page))
  const qs = query.toString()
  return qs ? `${basePath}?${qs}` : basePath
}

type Props = { page: number; totalPages: number; basePath?: string; params?: Record<string, string> }

export function Pagination({ page, totalPages, basePath = '/', params = {} }: Props) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <a href={pageHref(basePath, page - 1, params)} rel="prev">
          ← Newer articles
        </a>
      ) : (
        <span />
      )}
      <span className="page-count">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={pageHref(basePath, page + 1, params)} rel="next">
          Older articles →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
