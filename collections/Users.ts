import type { CollectionConfig, CollectionAfterReadHook, CollectionBeforeChangeHook, Access, Where } from 'payload'
import { USERS } from './slugs'
import { ROLES, hasRole, writesContent } from './access/roles'
import { isAdmin, isAdminField } from './access/isAdmin'

/** Admins manage everyone; other users change only themselves. */
const selfOrAdmin: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  return user ? { id: { equals: user.id } } : false
}

/**
 * CASE admin: everyone. CASE staff (editor, author): themselves and their colleagues, so the admin
 * can say who holds a document lock ("alice@example.com is currently editing") and list people in
 * the writers picker. CASE integration: itself. CASE anonymous: nobody.
 */
const colleaguesOrAdmin: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  if (!user) return false
  const self: Where = { id: { equals: user.id } }
  if (!writesContent(user)) return self
  return { or: [self, { role: { in: ['admin', 'editor', 'author'] } }] }
}

/** Colleagues see a name and an email; sessions and API-key state stay with the user and admins. */
const hideSessionsFromColleagues: CollectionAfterReadHook = ({ doc, req: { user } }) => {
  if (!user || hasRole(user, 'admin') || String(user.id) === String(doc.id)) return doc
  delete doc.sessions
  delete doc.enableAPIKey
  return doc
}

/**
 * API keys authenticate integrations; once saved they are never sent back, to anyone.
 * Payload decrypts the key on read, so strip it after every read (REST, GraphQL, admin).
 */
const hideApiKey: CollectionAfterReadHook = ({ doc }) => {
  delete doc.apiKey
  return doc
}

/** The very first account (created from /admin on a fresh install) must be able to manage the rest. */
const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: USERS, req })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}

export const Users: CollectionConfig = {
  slug: USERS,
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email', 'role'] },
  auth: {
    useAPIKey: true,
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 60 * 60 * 8,
  },
  access: {
    read: colleaguesOrAdmin,
    create: isAdmin,
    update: selfOrAdmin,
    delete: isAdmin,
    admin: ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'author'),
  },
  hooks: { beforeChange: [firstUserIsAdmin], afterRead: [hideApiKey, hideSessionsFromColleagues] },
  fields: [
    { name: 'name', type: 'text', required: true, defaultValue: 'Unnamed' },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'author',
      options: ROLES.map((r) => ({ label: r[0]!.toUpperCase() + r.slice(1), value: r })),
      saveToJWT: true,
      // A user cannot promote themselves: only admins set roles.
      access: { create: isAdminField, update: isAdminField },
    },
  ],
}
