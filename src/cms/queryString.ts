/**
 * Payload's REST API parses its query string with `qs`, so `where` and `select` travel in bracket
 * syntax: `where[or][0][slug][equals]=x`. This is the small subset of `qs.stringify` the client
 * needs, written out so the client has no dependency but zod and works unchanged in browsers.
 *
 * Rules (they match qs's defaults where Payload could tell the difference):
 * - nested objects and arrays become bracketed keys; arrays use indices (`in][0]=a&...[in][1]=b`);
 * - `undefined` is skipped, `null` is sent as an empty value (as qs does), Dates as ISO strings;
 * - names and values are percent-encoded, the brackets are left literal: they are legal in a URL
 *   query as every browser and Node send it, and the URLs stay readable in logs.
 */

export function toQueryString(params: Readonly<Record<string, unknown>>): string {
  const pairs: string[] = []
  for (const [key, value] of Object.entries(params)) {
    appendPairs(pairs, encodeURIComponent(key), value)
  }
  return pairs.join('&')
}

function appendPairs(pairs: string[], prefix: string, value: unknown): void {
  if (value === undefined) return
  if (value === null) {
    pairs.push(`${prefix}=`)
    return
  }
  if (value instanceof Date) {
    pairs.push(`${prefix}=${encodeURIComponent(value.toISOString())}`)
    return
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => appendPairs(pairs, `${prefix}[${index}]`, item))
    return
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      appendPairs(pairs, `${prefix}[${encodeURIComponent(key)}]`, item)
    }
    return
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    pairs.push(`${prefix}=${encodeURIComponent(String(value))}`)
    return
  }
  // Functions and symbols have no query-string form; failing loudly beats sending `[object ...]`.
  throw new TypeError(`toQueryString: cannot encode a ${typeof value} at ${decodeURIComponent(prefix)}`)
}
