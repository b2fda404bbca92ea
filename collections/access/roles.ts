import type { User } from '@/payload-types'

/**
 * admin: everything, including users. editor: edit and publish any content.
 * author: write drafts of their own articles. integration: a trusted app with an API key that may
 * read drafts (for preview) but writes nothing.
 */
export const ROLES = ['admin', 'editor', 'author', 'integration'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = Pick<User, 'role'> | null | undefined

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean => !!user && roles.includes(user.role as Role)

/** Roles that may publish and edit anything. */
export const isEditorUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor')
/** Roles that see drafts and unpublished content. */
export const seesDrafts = (user: MaybeUser) => hasRole(user, 'admin', 'editor', 'author', 'integration')
/** Roles that may write content at all. */
export const writesContent = (user: MaybeUser) => hasRole(user, 'admin', 'editor', 'author')
