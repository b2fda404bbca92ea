import type { PayloadRequest } from 'payload'
import { NESTED_WRITE, withContext } from './withContext'

/**
 * Run writes made on behalf of the caller's own write (an article publishing its sections, the seed
 * writing an article's parts): hooks that derive from the whole change (the citation list) leave
 * that to the caller. Notifications need no flag: one signal after commit covers the transaction.
 */
export const quietly = <T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> => withContext(req, { [NESTED_WRITE]: true }, fn)
