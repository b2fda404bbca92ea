import { describe, expect, it } from 'vitest'
import { bestSnippet, foldTerm, sentencesOf, SNIPPET_MAX } from '../../../src/search/text'

describe('search text', () => {
  it('folds accents and case so "Psilocibína" and "psilocibina" are one term', () => {
    expect(foldTerm('Psilocibína')).toBe('psilocibina')
  })

  it('picks the sentence with the most distinct matched words and gives their ranges', () => {
    const sentences = sentencesOf('Ketamine acts fast. Ketamine acts on glutamate receptors. Nothing here.')
    const { snippet, highlights } = bestSnippet(sentences, new Set(['ketamine', 'glutamate']))
    expect(snippet).toBe('Ketamine acts on glutamate receptors.')
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['Ketamine', 'glutamate'])
  })

  it('keeps markup as plain text (the consumer escapes it)', () => {
    const { snippet, highlights } = bestSnippet(['A <script>alert(1)</script> test.'], new Set(['script']))
    expect(snippet).toBe('A <script>alert(1)</script> test.')
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['script', 'script'])
  })

  it('cuts a long sentence around its first match', () => {
    const long = `${'word '.repeat(100)}needle ${'tail '.repeat(100)}`.trim()
    const { snippet, highlights } = bestSnippet([long], new Set(['needle']))
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_MAX + 2)
    expect(snippet.startsWith('…')).toBe(true)
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['needle'])
  })
})
