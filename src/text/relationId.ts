/** A relationship value is an id or, when populated, a document with one. IDs stay opaque. */
export function relationId<T extends string | number>(value: T | { id: T }): T {
  return typeof value === 'object' && value !== null ? value.id : value
}
