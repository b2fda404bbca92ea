/**
 * Collection slugs as constants: the config, hooks, the REST client, seed and tests all name
 * collections through these, so a rename is one edit and a typo is a compile error.
 */
export const ARTICLES = 'articles' as const
export const SECTIONS = 'sections' as const
export const CITATIONS = 'citations' as const
export const USERS = 'users' as const
/** Public bylines and reviewers: separate from login accounts, so the public API never exposes a user. */
export const PEOPLE = 'people' as const
export const TOPICS = 'topics' as const

/** The inline block that marks a citation inside a section's rich text. */
export const CITATION_REF_BLOCK = 'citationRef' as const

/** The global that counts changes readers can see (see collections/ContentRevision.ts). */
export const CONTENT_REVISION = 'content-revision' as const

/** An editor's reasoned "this sentence is right" for a claim that differs from its source record. */
export const CLAIM_DISMISSALS = 'claim-dismissals' as const

/** Uploaded images (article heroes, their social-card crops). */
export const MEDIA = 'media' as const
