import type { CollectionConfig, CollectionAfterReadHook, CollectionBeforeChangeHook, Access } from 'payload'
import { USERS } from './slugs'
import { ROLES, hasRole } from './access/roles'
import { isAdmin, isAdminField } from './access/isAdmin'

/** Admins manage everyone; other users see and edit only themselves. */
const selfOrAdmin: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  return user ? { id: { equals: user.id } } : false
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
    read: selfOrAdmin,
    create: isAdmin,
    update: selfOrAdmin,
    delete: isAdmin,
    admin: ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'author'),
  },
  hooks: { beforeChange: [firstUserIsAdmin], afterRead: [hideApiKey] },
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
