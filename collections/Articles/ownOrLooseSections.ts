import type { FilterOptions, Where } from 'payload'

/**
 * The sections an article may list: its own, and loose ones not yet given to any article (written
 * in the "+" drawer). Another article's section is never offered in the picker, and Payload refuses
 * it on publish: one section, one article, so the picker has no need to say whose a section is.
 */
export const ownOrLooseSections: FilterOptions = ({ id }) => {
  const loose: Where = { article: { exists: false } }
  return id === undefined ? loose : { or: [{ article: { equals: id } }, loose] }
}
