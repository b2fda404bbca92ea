/**
 * Reading time. The CMS usually sends `readingTimeMinutes`; this is the fallback when it does not, and
 * the one formatter both the front page and the article page use so they never disagree.
 */
import { readingTimeMinutes } from '@/text/readingTime'

/** The CMS figure when present, else an estimate from the sections' plain text (null when unknowable). */
export function readingMinutes(article: { readingTimeMinutes: number | null; sections?: ReadonlyArray<{ text: string }> }): number | null {
  if (article.readingTimeMinutes !== null) return article.readingTimeMinutes
  if (!article.sections) return null
  return readingTimeMinutes(article.sections.map((s) => s.text))
}

/** "7 min read"; null when there is nothing worth saying (unknown or zero). */
export function formatReadingTime(minutes: number | null): string | null {
  if (minutes === null || minutes <= 0) return null
  return `${minutes} min read`
}
