/**
 * XML text escaping for the feed and the sitemap. Also drops the control characters XML 1.0 forbids
 * outright: one stray U+0008 pasted from a PDF would otherwise make the whole feed unparseable.
 */
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

// Tab, LF and CR are allowed; other C0 controls, lone surrogates and U+FFFE/U+FFFF are not.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function escapeXml(value: string): string {
  return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c)
}
