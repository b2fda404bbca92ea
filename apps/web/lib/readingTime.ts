/**
 * Reading time. The CMS usually sends `readingTimeMinutes`; this is the fallback when it does not, and
 * the one formatter both the front page and the article page use so they never disagree.
 */

/** Adult silent reading of non-fiction runs at roughly 200-260 words a minute; 230 is a common middle. */
export const WORDS_PER_MINUTE = 230

/** Words = whitespace-separated runs holding at least one letter or digit (a lone "—" is not a word). */
export function countWords(text: string): number {
  let count = 0
  for (const token of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(token)) count += 1
  }
  return count
}

/** Whole minutes, at least 1 for any non-empty text, 0 for none. */
export function estimateReadingMinutes(texts: readonly string[], wordsPerMinute = WORDS_PER_MINUTE): number {
  const words = texts.reduce((sum, text) => sum + countWords(text), 0)
  if (words === 0) return 0
  return Math.max(1, Math.round(words / wordsPerMinute))
}

/** The CMS figure when present, else an estimate from the sections' plain text (null when unknowable). */
export function readingMinutes(article: { readingTimeMinutes: number | null; sections?: ReadonlyArray<{ text: string }> }): number | null {
  if (article.readingTimeMinutes !== null) return article.readingTimeMinutes
  if (!article.sections) return null
  return estimateReadingMinutes(article.sections.map((s) => s.text))
}

/** "7 min read"; null when there is nothing worth saying (unknown or zero). */
export function formatReadingTime(minutes: number | null): string | null {
  if (minutes === null || minutes <= 0) return null
  return `${minutes} min read`
}
