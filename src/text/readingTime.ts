/** 230 words a minute: a common figure for adult readers of non-fiction; never less than a minute for any text. */
export const WORDS_PER_MINUTE = 230

export function readingTimeMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}
