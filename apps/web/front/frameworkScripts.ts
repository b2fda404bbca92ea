/**
 * Reader pages need no client code: no client components, plain `<a>` links and a GET search form.
 * Next still puts its runtime in every page (about 140 KB of script to hydrate and to navigate
 * client-side) and the React Server Components payload inline (over half of an article's HTML).
 * The front server removes both from the pages it caches, so a shared page is its HTML and CSS only.
 *
 * What stays: structured data (`application/ld+json` is data, not code) and preloads of anything but
 * script (fonts, images). Only cached, anonymous pages pass through here: a draft-mode page has a
 * cookie, is never cached, and reaches the editor from Next with its runtime, which live preview uses.
 *
 * Next's markup is machine-written, so a pattern over it is exact: an inline script cannot contain
 * `</script` (React escapes `<` in what it inlines), and its attributes never contain `>`.
 */
const SCRIPT_ELEMENT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi
const LINK_ELEMENT = /<link\b([^>]*)\/?>/gi
/** Script types a browser does not run; anything else (none, a JavaScript type, module) is code. */
const DATA_SCRIPT_TYPE = /\stype\s*=\s*["']?application\/(?:ld\+json|json)["'\s>]/i

const isDataScript = (attributes: string): boolean => DATA_SCRIPT_TYPE.test(`${attributes}>`)

function preloadsScript(attributes: string): boolean {
  const rel = /\srel\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase()
  if (rel === 'modulepreload') return true
  return rel === 'preload' && /\sas\s*=\s*["']?script\b/i.test(attributes)
}

/** The page without its scripts and script preloads; JSON-LD and every other element untouched. */
export function withoutFrameworkScripts(html: string): string {
  return html
    .replace(SCRIPT_ELEMENT, (element, attributes: string) => (isDataScript(attributes) ? element : ''))
    .replace(LINK_ELEMENT, (element, attributes: string) => (preloadsScript(attributes) ? '' : element))
}

/** Whether a response is a whole HTML page (not an RSC payload, JSON, XML or an image). */
export const isHtmlPage = (contentType: string | string[] | undefined): boolean => typeof contentType === 'string' && /^text\/html\b/i.test(contentType)
