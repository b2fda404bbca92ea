/**
 * Date formatting for content dates.
 *
 * Why UTC and a fixed locale: pages are cached by the front server and must render the same bytes on
 * every machine and at every hour, so nothing here may depend on the server's time zone or locale.
 */
const longDate = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' })

/** A Date, or null when the string is missing or not a parseable date (never "Invalid Date" on a page). */
export function parseDate(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "March 5, 2024" */
export function formatLongDate(iso: string | null | undefined): string | null {
  const date = parseDate(iso)
  return date ? longDate.format(date) : null
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** "2024/03/05", the form Highwire Press `citation_publication_date` tags use. */
export function highwireDate(iso: string | null | undefined): string | null {
  const date = parseDate(iso)
  return date ? `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}` : null
}

/** "2024-03-05" */
export function isoDay(iso: string | null | undefined): string | null {
  const date = parseDate(iso)
  return date ? date.toISOString().slice(0, 10) : null
}

/** RFC 822 date for RSS: "Tue, 05 Mar 2024 00:00:00 GMT" (toUTCString's format is exactly that). */
export function rfc822Date(iso: string | null | undefined): string | null {
  const date = parseDate(iso)
  return date ? date.toUTCString() : null
}

/** Newest of a list of ISO dates, or null; used for lastmod/lastBuildDate so they follow content, not the clock. */
export function newestDate(isos: ReadonlyArray<string | null | undefined>): string | null {
  let best: Date | null = null
  for (const iso of isos) {
    const date = parseDate(iso)
    if (date && (!best || date > best)) best = date
  }
  return best ? best.toISOString() : null
}
