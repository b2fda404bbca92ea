/** How people are named on the site; one place so the byline, the author page and feeds agree. */
import type { Person } from '@/cms'

export const authorPath = (slug: string): string => `/authors/${slug}`
export const topicPath = (slug: string): string => `/topics/${slug}`

/** "Ann Lee, MD" */
export const nameWithCredentials = (p: Pick<Person, 'name' | 'credentials'>): string => (p.credentials ? `${p.name}, ${p.credentials}` : p.name)

/** "A", "A and B", "A, B and C" */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
