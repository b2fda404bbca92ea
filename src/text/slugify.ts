/**
 * URL slugs and fragment anchors: lowercase ASCII words joined by single hyphens.
 *
 * Framework-free on purpose: the seed, the CMS slug field and the reader all derive slugs with
 * this one function, so a slug computed in one place always matches the others.
 */

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
