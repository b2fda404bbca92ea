/** What the admin calls a section that has no heading: the article's opening text. */
export const INTRODUCTION = 'Introduction'

/** A section's name in the admin: its heading, or "Introduction" for the untitled opening section. */
export const sectionTitle = (heading: string | null | undefined): string => heading?.trim() || INTRODUCTION
