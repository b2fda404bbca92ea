import type { Metadata } from 'next'

// No `robots` here: Next already adds <meta name="robots" content="noindex"> to every 404 answer,
// and a second copy is invalid HTML.
export const metadata: Metadata = { title: 'Page not found' }

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </div>
  )
}
