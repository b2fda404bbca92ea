/**
 * Source documents for the growth and seed-size scenarios, in the seed's own plain-text shape
 * (publication line, title, introduction, headed sections, narrative citations), so they go through
 * exactly the parser and writer that `npm run seed` uses.
 *
 * Everything scales with size on purpose: sections, paragraphs and distinct citations all grow
 * linearly, so "seed time per KB" compares like with like across 5 KB, 100 KB and 1 MB.
 */

const BUNDLED_TITLE = 'Ketamine: A Promising Breakthrough in Mental Health Treatment'

/**
 * The bundled article with another title (and so another slug). Sections and citations are the
 * same, which is what a site of many similar articles looks like to the database: citations are
 * shared, sections are per article.
 */
export function variantOf(bundled: string, index: number): string {
  if (!bundled.includes(BUNDLED_TITLE)) throw new Error(`the bundled document no longer has the title "${BUNDLED_TITLE}"`)
  return bundled.replace(BUNDLED_TITLE, `Ketamine Variant ${index}: A Promising Breakthrough in Mental Health Treatment`)
}

// Invented surnames: capitalised, then lowercase (the citation parser's surname shape), and none of
// them a word the parser refuses as a name ("Study", "March"...).
const SURNAMES = [
  'Halvorsen', 'Okafor', 'Lindqvist', 'Moreau', 'Castellano', 'Nakamura', 'Brennan', 'Adeyemi', 'Kowalski', 'Ferreira',
  'Thorne', 'Valdivia', 'Haddad', 'Sorensen', 'Petrakis', 'Oyelaran', 'Whitcombe', 'Lindgren', 'Marchetti', 'Quinlan',
  'Ashworth', 'Delacroix', 'Ekwueme', 'Fitzwater', 'Gallardo', 'Hartmann', 'Ishikawa', 'Jovanovic', 'Kaminski', 'Laurent',
  'Mbeki', 'Novak', 'Olsson', 'Pereira', 'Rasmussen', 'Salvatori', 'Tanaka', 'Underhill', 'Varga', 'Wexler',
]
const FIRST_YEAR = 1900
const YEARS = 200 // 1900-2099: the parser accepts 1800-2099

// Plain sentences with no capitalised word before a parenthesis, so nothing here reads as a citation.
const SENTENCES = [
  'Participants received a single dose under clinical supervision and were followed for several weeks.',
  'The authors reported a rapid reduction in symptom scores compared with the placebo group.',
  'Effects were strongest in the first days and faded gradually over the following month.',
  'Adverse events were mostly mild and resolved within hours of the session.',
  'The sample was small, so the confidence intervals around the main estimate were wide.',
  'Later work tried to separate the pharmacological effect from the expectations of participants.',
  'Dosing schedules differed between sites, which makes direct comparison of outcomes difficult.',
  'A longer follow-up would show whether the benefit persists without repeated treatment.',
  'Clinicians noted that supportive therapy alongside the drug appeared to matter a great deal.',
  'Measures of anxiety and sleep quality improved alongside the primary outcome.',
]

/** The n-th distinct citation label: every (surname, year) pair is a different work. */
function citation(n: number): string {
  const surname = SURNAMES[n % SURNAMES.length]
  const year = FIRST_YEAR + (Math.floor(n / SURNAMES.length) % YEARS)
  return `${surname} et al. (${year})`
}

function paragraph(n: number): string {
  const lead = `In work by ${citation(n)}, the question was examined again.`
  const body = Array.from({ length: 5 }, (_, i) => SENTENCES[(n + i * 3) % SENTENCES.length]).join(' ')
  return `${lead} ${body}`
}

const PARAGRAPHS_PER_SECTION = 4

/**
 * A document of at most `maxBytes` UTF-8 bytes and close to it (within one paragraph). Distinct
 * citations run out at 8,000 (40 surnames x 200 years), far beyond what 1 MB holds (~1,700).
 */
export function syntheticDocument(maxBytes: number, title = `Synthetic Benchmark Article of ${Math.round(maxBytes / 1024)} Kilobytes`): string {
  const parts: string[] = ['Tripsitter Bench', title]
  let size = Buffer.byteLength(parts.join('\n\n')) + 1 // + the final newline
  const add = (block: string): boolean => {
    const cost = Buffer.byteLength(block) + 2
    if (size + cost > maxBytes) return false
    parts.push(block)
    size += cost
    return true
  }
  let n = 0
  if (!add(paragraph(n++))) throw new Error(`${maxBytes} bytes cannot hold even a title and an introduction`)
  for (let section = 1; ; section++) {
    // A heading needs a body: only start a section when its first paragraph fits too.
    const heading = `Findings and Observations, Part ${section}`
    const first = paragraph(n)
    if (size + Buffer.byteLength(heading) + Buffer.byteLength(first) + 4 > maxBytes) break
    add(heading)
    add(first)
    n++
    for (let p = 1; p < PARAGRAPHS_PER_SECTION; p++) {
      if (!add(paragraph(n))) return parts.join('\n\n') + '\n'
      n++
    }
  }
  return parts.join('\n\n') + '\n'
}
