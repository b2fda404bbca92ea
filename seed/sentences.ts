/**
 * Sentence boundaries, good enough for two jobs: deciding which citation a venue or study type
 * belongs to, and cutting the article summary at a sentence end.
 *
 * A hand-written scan rather than one clever regex: every character is looked at a bounded number
 * of times, so a hostile 1 MB paragraph costs linear time.
 */

export interface Span {
  start: number
  end: number
}

const TERMINATORS = new Set(['.', '!', '?', '…'])
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']'])
// Abbreviations that end in a period but rarely end a sentence. "et al." is the one that matters
// most: "Zarate et al. (2006)" must stay inside its sentence.
const ABBREVIATIONS = new Set(['al', 'e.g', 'i.e', 'etc', 'vs', 'cf', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'no', 'fig', 'approx', 'ca', 'vol', 'pp'])
const SENTENCE_START = /^["“‘'([]?[\p{Lu}\p{N}]/u

/** Spans that cover `text` in order; each ends after its closing punctuation (and quotes). */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  let i = 0
  while (i < text.length) {
    if (!TERMINATORS.has(text.charAt(i))) {
      i++
      continue
    }
    let end = i
    while (end < text.length && (TERMINATORS.has(text.charAt(end)) || CLOSERS.has(text.charAt(end)))) end++
    let next = end
    while (next < text.length && /\s/.test(text.charAt(next))) next++
    if (next > end && next < text.length && SENTENCE_START.test(text.slice(next, next + 3)) && !isAbbreviation(text, i)) {
      spans.push({ start, end })
      start = next
    }
    i = end
  }
  if (start < text.length) spans.push({ start, end: text.length })
  return spans
}

function isAbbreviation(text: string, dot: number): boolean {
  if (text.charAt(dot) !== '.') return false
  let from = dot
  // Bounded look-back keeps the scan linear however long the word before the dot is.
  while (from > 0 && dot - from < 8 && /[\p{L}.]/u.test(text.charAt(from - 1))) from--
  const word = text.slice(from, dot).toLowerCase()
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) // a lone letter is an initial: "J. Smith"
}

/**
 * The leading whole sentences of `text` that fit in `maxLength`. When even the first sentence is
 * too long, it is cut at the last space that fits and marked with an ellipsis, never mid-word.
 */
export function leadSentences(text: string, maxLength: number): string {
  const trimmed = text.trim()
  let end = 0
  for (const span of sentenceSpans(trimmed)) {
    if (span.end > maxLength) break
    end = span.end
  }
  if (end > 0) return trimmed.slice(0, end).trim()
  let cut = maxLength - 1 // room for the ellipsis
  while (cut > 0 && !/\s/.test(trimmed.charAt(cut))) cut--
  // One word longer than the limit: cutting it is unavoidable; at least keep surrogate pairs whole.
  if (cut === 0) cut = /[\uD800-\uDBFF]/.test(trimmed.charAt(maxLength - 2)) ? maxLength - 2 : maxLength - 1
  return `${trimmed.slice(0, cut).replace(/[\s,;:–—-]+$/u, '')}…`
}
