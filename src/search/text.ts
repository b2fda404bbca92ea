/**
 * How search sees words, shared by the index and the snippet highlighter so a highlighted word is
 * exactly a word the index matched: lowercase, accents folded ("Psilocibína" -> "psilocibina").
 */
export function foldTerm(term: string): string {
  return term.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** Words with their offsets: letters and digits, inner apostrophes and hyphens kept out. */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }))
}

/** Sentences of plain text, split after . ! ? followed by space. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export const SNIPPET_MAX = 240

/**
 * The sentence with the most distinct matched words (earliest on a tie), cut to SNIPPET_MAX around
 * its first match, with the [start, end) ranges of matched words. `matched` holds folded terms.
 */
export function bestSnippet(sentences: readonly string[], matched: ReadonlySet<string>): { snippet: string; highlights: [number, number][] } {
  let best: { sentence: string; score: number } | null = null
  for (const sentence of sentences) {
    const hits = new Set(wordsOf(sentence).map((w) => foldTerm(w.word)).filter((w) => matched.has(w)))
    if (hits.size > 0 && (!best || hits.size > best.score)) best = { sentence, score: hits.size }
  }
  let snippet = best?.sentence ?? sentences[0] ?? ''
  let ranges = wordsOf(snippet).filter((w) => matched.has(foldTerm(w.word)))
  if (snippet.length > SNIPPET_MAX) {
    const from = Math.max(0, Math.min((ranges[0]?.start ?? 0) - 60, snippet.length - SNIPPET_MAX))
    const cut = snippet.slice(from, from + SNIPPET_MAX)
    const prefix = from > 0 ? '…' : ''
    const suffix = from + SNIPPET_MAX < snippet.length ? '…' : ''
    snippet = `${prefix}${cut}${suffix}`
    ranges = wordsOf(snippet).filter((w) => matched.has(foldTerm(w.word)))
  }
  return { snippet, highlights: ranges.map((r) => [r.start, r.end]) }
}
