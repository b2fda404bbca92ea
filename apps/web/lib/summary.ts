import type { AssembledArticle } from '@/cms'

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * The seed (and many editors) make the summary the introduction's lead sentences: printed above an
 * introduction that starts with the same words, the reader reads it twice. Then the page shows the
 * introduction only; feeds and search results still use the summary.
 */
export function summaryRepeatsIntroduction(article: Pick<AssembledArticle, 'summary' | 'sections'>): boolean {
  const first = article.sections[0]
  if (!article.summary || !first || first.heading !== null) return false
  const summary = normalize(article.summary).replace(/(\.\.\.|…)$/, '')
  return summary !== '' && normalize(first.text).startsWith(summary)
}
