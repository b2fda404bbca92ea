import type { Access } from 'payload'
import { seesDrafts } from './roles'

/** Staff (every role that sees drafts): editorial records that readers never see. */
export const isStaff: Access = ({ req: { user } }) => seesDrafts(user)
