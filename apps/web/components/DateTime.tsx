import { formatLongDate, parseDate } from '../lib/dates'

/** A machine-readable <time>; renders nothing for a missing or unparseable date. */
export function DateTime({ iso }: { iso: string | null }) {
  const date = parseDate(iso)
  const label = formatLongDate(iso)
  if (!date || !label) return null
  return <time dateTime={date.toISOString()}>{label}</time>
}
