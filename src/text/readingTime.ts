/**
 * Reading time, one rule for the CMS (which stores it on the article) and the reader site (which
 * estimates it when an older document has none), so the two never disagree.
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
export function readingTimeMinutes(texts: readonly string[], wordsPerMinute = WORDS_PER_MINUTE): number {
  const words = texts.reduce((sum, text) => sum + countWords(text), 0)
  return words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute))
}
