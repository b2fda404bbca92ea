/** Framework-free rendering of Lexical section bodies: sanitized HTML, plain text, citation numbering. */
export {
  CitationNumbering,
  citationIdOf,
  collectCitationIds,
  type CitationMarker,
  type LexicalNode,
  type LexicalState,
} from './citations'
export { escapeHtml, lexicalToHtml, safeHref, type SafeHref } from './toHtml'
export { lexicalToText } from './toText'
export { emptyLexicalState } from './empty'
