import type { CollectionConfig, CollectionAfterReadHook, CollectionBeforeChangeHook, Access, Condition, Where } from 'payload'
import { USERS } from './slugs'
import { ROLES, hasRole, writesContent } from './access/roles'
import { isAdmin, isAdminField } from './access/isAdmin'
import { uniformLogin } from './hooks/uniformLogin'

/**
 * Admins manage everyone; staff change only themselves. Integration users change nothing, not even
 * their own email, password or API key: a leaked key must not be able to lock out its owner or
 * mint a replacement only the attacker knows.
 */
const selfOrAdmin: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  return user && writesContent(user) ? { id: { equals: user.id } } : false
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

/**
 * Colleagues see a name and an email; sessions and API-key state (`enableAPIKey`, Payload's
 * `hasAPIKey`) stay with the user and admins: which accounts hold keys is a map for an attacker.
 */
const hideSessionsFromColleagues: CollectionAfterReadHook = ({ doc, req: { user } }) => {
  if (!user || hasRole(user, 'admin') || String(user.id) === String(doc.id)) return doc
  delete doc.sessions
  delete doc.enableAPIKey
  delete doc.hasAPIKey
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

/** Shown to a signed-in user only: the sign-up form (no user yet) asks just for the account. */
const signedIn: Condition = (_data, _siblingData, { user }) => Boolean(user)

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
    // Payload's default lets any logged-in user lift any lockout, which would let an insider
    // brute-force the admin's password without ever being locked out.
    unlock: isAdmin,
    admin: ({ req: { user } }) => hasRole(user, 'admin', 'editor', 'author'),
  },
  hooks: { beforeOperation: [uniformLogin], beforeChange: [firstUserIsAdmin], afterRead: [hideApiKey, hideSessionsFromColleagues] },
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
      admin: {
        description: 'Admins manage accounts. Editors review and publish. Authors write drafts of their own articles and submit them for review. Integrations read through an API key.',
        // The first account is always an admin (firstUserIsAdmin): the sign-up form has no choice to offer.
        condition: signedIn,
      },
    },
    // Payload's own API key fields, merged with these settings: nothing about API keys on the
    // sign-up form, where there is no account yet to hold one.
    { name: 'enableAPIKey', type: 'checkbox', admin: { condition: signedIn } },
    { name: 'apiKey', type: 'text', admin: { condition: signedIn } },
  ],
}
