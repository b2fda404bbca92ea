import type { PayloadRequest } from 'payload'
import { withContext } from './withContext'

/** Run nested writes without their own reader-site notifications: the caller sends one for the whole change. */
export const quietly = <T>(req: PayloadRequest, fn: () => Promise<T>): Promise<T> => withContext(req, { skipRevalidation: true }, fn)
