import type { Access, Where } from 'payload'
import { seesDrafts } from './roles'

/**
 * Staff see everything; everyone else gets a constraint, never a yes: Payload applies it to list
 * queries, findByID, populated relationships and GraphQL alike.
 */
export const publishedOrStaff =
  (publicWhere: Where = { _status: { equals: 'published' } }): Access =>
  ({ req: { user } }) =>
    seesDrafts(user) ? true : publicWhere

/** Sections are public only when both the section and its article are published. */
export const publishedSectionOrStaff = publishedOrStaff({
  and: [{ _status: { equals: 'published' } }, { 'article._status': { equals: 'published' } }],
})
