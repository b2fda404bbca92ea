/** Plain links with rel=prev/next; page 1 is "/" so the front page has one URL (and one cache entry). */
const pageHref = (page: number): string => (page <= 1 ? '/' : `/?page=${page}`)

export function Pagination({ page, totalPages }: { page: number; totalPages: number }) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <a href={pageHref(page - 1)} rel="prev">
          ← Newer articles
        </a>
      ) : (
        <span />
      )}
      <span className="page-count">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={pageHref(page + 1)} rel="next">
          Older articles →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
