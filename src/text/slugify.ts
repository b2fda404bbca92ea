/**
 * URL slugs and fragment anchors: lowercase ASCII words joined by single hyphens.
 *
 * Framework-free on purpose: the seed, the CMS slug field and the reader all derive slugs with
 * this one function, so a slug computed in one place always matches the others.
 */

/**
 * Longest slug either server accepts: the CMS refuses longer ones on save and the reader site
 * answers longer URLs with 404 before calling the CMS, so every saved slug has a reachable page.
 */
export const MAX_SLUG_LENGTH = 200

/** What a saved slug looks like: lowercase letters, digits and single hyphens. */
export const SLUG_FORMAT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

// Latin letters that Unicode does not decompose into base letter + accent, so NFKD alone
// would delete them ("Øresund" -> "resund").
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h',
}

/**
 * `Ketamine: A Promising Breakthrough` -> `ketamine-a-promising-breakthrough`.
 * Accents are folded (`Müller` -> `muller`), apostrophes vanish (`Ketamine's` -> `ketamines`, not
 * `ketamine-s`), every other run of non-alphanumerics becomes one hyphen. Text with no Latin letters
 * or digits gives `''`; callers decide what to do with that.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđðþłıħ]/g, (ch) => UNDECOMPOSED[ch] ?? '')
    .replace(/['’ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * A slug for `text` that is never empty and never longer than MAX_SLUG_LENGTH: the slugified text,
 * or, when nothing Latin survives (Cyrillic, Greek, CJK titles), `fallbackPrefix` plus a short
 * stable hash of the text, so the same title always proposes the same slug.
 */
export function slugOrFallback(text: string, fallbackPrefix: string): string {
  const slug = slugify(text).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '')
  if (slug) return slug
  let hash = 0x811c9dc5
  for (const ch of text.normalize('NFC')) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0
  return `${fallbackPrefix}-${hash.toString(36)}`
}
