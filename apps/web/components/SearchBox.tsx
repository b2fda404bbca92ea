import { SEARCH_QUERY_MAX } from '@/cms'

/** A plain GET form: works without JavaScript, and every search is a URL the front server can cache. */
export function SearchBox({ query = '' }: { query?: string }) {
  return (
    <form className="search-box" role="search" action="/search" method="get">
      <label htmlFor="search-q">Search articles</label>
      <input id="search-q" name="q" type="search" defaultValue={query} maxLength={SEARCH_QUERY_MAX} required />
      <button type="submit">Search</button>
    </form>
  )
}
