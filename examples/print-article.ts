/**
 * Example consumer of the public API, using only the typed client:
 *
 *   tsx examples/print-article.ts <baseURL> [slug]
 *
 * Lists the published articles (date, title), then prints one as plain text: the given slug, or
 * the newest. `main` takes its output streams and fetch as arguments so a test can run it
 * in-process against a local server and compare the exact text.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createCmsClient, isCmsError, type ArticleSummary, type AssembledArticle, type Citation } from '../src/cms'

export interface Writable {
  write(chunk: string): unknown
}

export interface MainOptions {
  fetch?: typeof fetch
  out?: Writable
  err?: Writable
}

const USAGE = 'Usage: tsx examples/print-article.ts <baseURL> [slug]\n'

/** Returns the process exit code: 0 printed, 1 the CMS failed or has nothing, 2 bad usage. */
export async function main(argv: readonly string[], { fetch, out = process.stdout, err = process.stderr }: MainOptions = {}) {
  const [baseURL, slug] = argv
  if (!baseURL) {
    err.write(USAGE)
    return 2
  }
  const cms = createCmsClient({ baseURL, fetch })
  try {
    const list = await cms.listArticles({ limit: 20 })
    out.write(formatList(list.docs, list.totalDocs))
    const chosen = slug ?? list.docs[0]?.slug
    if (chosen === undefined) {
      err.write('No published articles.\n')
      return 1
    }
    out.write('\n' + formatArticle(await cms.getArticleBySlug(chosen)))
    return 0
  } catch (error) {
    // CmsError's message already names the cause (status text, Payload's message or a field path).
    if (!isCmsError(error)) throw error
    err.write(`Error${error.status ? ` ${error.status}` : ''}: ${error.message} (${error.url})\n`)
    return 1
  }
}

/** Dates as YYYY-MM-DD from the ISO string: the same output in every time zone and locale. */
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'undated   ')

export function formatList(docs: readonly ArticleSummary[], total: number): string {
  const lines = docs.map((doc) => `  ${day(doc.publishedAt)}  ${doc.title}`)
  return [`Published articles (${total}):`, ...lines, ''].join('\n')
}

const underline = (text: string, char: string) => `${text}\n${char.repeat(text.length)}`

export function formatArticle(article: AssembledArticle): string {
  const byline = [
    article.authors.length > 0 ? `By ${article.authors.map((a) => a.name).join(', ')}` : null,
    article.publishedAt ? `Published ${day(article.publishedAt)}` : null,
    article.lastReviewedAt ? `Reviewed ${day(article.lastReviewedAt)}` : null,
  ].filter((part) => part !== null)

  const blocks = [underline(article.title, '=')]
  if (article.summary) blocks.push(article.summary)
  if (byline.length > 0) blocks.push(byline.join(' · '))
  for (const section of article.sections) {
    // The introduction has no heading; its text follows the title block directly.
    blocks.push(section.heading ? `${underline(section.heading, '-')}\n${section.text}` : section.text)
  }
  if (article.citations.length > 0) {
    blocks.push([underline('References', '-'), ...article.citations.map(formatReference)].join('\n'))
  }
  return blocks.join('\n\n') + '\n'
}

function formatReference(citation: Citation): string {
  const who = citation.authors ?? citation.label
  const year = citation.year === null ? '' : ` (${citation.year})`
  const parts = [`${who}${year}`, citation.title, citation.journal, link(citation)].filter(
    (part): part is string => part !== null && part !== '',
  )
  // Say so rather than print an unverifiable reference as if it were checked.
  const unverified = citation.verified ? '' : ' [not verified]'
  return `${citation.number}. ${parts.join('. ')}${unverified}`
}

function link(citation: Citation): string | null {
  if (citation.doi) return `https://doi.org/${citation.doi}`
  if (citation.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${citation.pmid}/`
  return citation.url
}

// Run only when executed directly (tsx examples/print-article.ts ...), not when a test imports it.
const entry = process.argv[1]
if (entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
}
