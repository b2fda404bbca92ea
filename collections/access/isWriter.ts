import type { Access } from 'payload'
import { writesContent } from './roles'

/** Anyone who writes content (authors included) may create documents; what they may change is narrowed elsewhere. */
export const isWriter: Access = ({ req: { user } }) => writesContent(user)
