import { describe, expect, it } from 'vitest'
import { formatLongDate, highwireDate, isoDay, newestDate, parseDate, rfc822Date } from '../../../apps/web/lib/dates'

describe('content dates', () => {
  const iso = '2024-03-05T23:30:00.000Z'
  it('formats in UTC with a fixed locale', () => {
    expect(formatLongDate(iso)).toBe('March 5, 2024')
    expect(highwireDate(iso)).toBe('2024/03/05')
    expect(isoDay(iso)).toBe('2024-03-05')
    expect(rfc822Date(iso)).toBe('Tue, 05 Mar 2024 23:30:00 GMT')
  })
  it('returns null, never "Invalid Date", for missing or broken input', () => {
    for (const bad of [null, undefined, '', 'soon']) {
      expect(parseDate(bad)).toBeNull()
      expect(formatLongDate(bad)).toBeNull()
      expect(highwireDate(bad)).toBeNull()
      expect(rfc822Date(bad)).toBeNull()
    }
  })
  it('finds the newest date and ignores broken ones', () => {
    expect(newestDate(['2024-01-01T00:00:00Z', 'x', null, '2024-06-02T12:00:00Z'])).toBe('2024-06-02T12:00:00.000Z')
    expect(newestDate([])).toBeNull()
  })
})
