/** What the article sidebar says about its sources; pure, so the wording is easy to test and reuse. */
export type CitationQualityInput = { label: string; sourceStatus?: 'verified' | 'needs-source' | null }

export type CitationSummary = { total: number; verified: number; needsSource: string[]; headline: string; claimsToCheck: number; claimsLine: string }

/** `claimsToCheck`: claim warnings not dismissed (sentences that contradict their source's record). */
export function summarizeCitations(citations: CitationQualityInput[], claimsToCheck = 0): CitationSummary {
  const needsSource = citations.filter((c) => c.sourceStatus !== 'verified').map((c) => c.label)
  const verified = citations.length - needsSource.length
  const noun = citations.length === 1 ? 'citation' : 'citations'
  const headline = citations.length === 0 ? 'No citations yet' : `${verified} of ${citations.length} ${noun} verified`
  const claimsLine = claimsToCheck === 1 ? '1 claim differs from its source' : `${claimsToCheck} claims differ from their sources`
  return { total: citations.length, verified, needsSource, headline, claimsToCheck, claimsLine }
}
