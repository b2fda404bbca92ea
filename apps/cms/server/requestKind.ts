import type { Request } from 'express'

/** A request carries credentials when it has a Payload session cookie or an Authorization header. */
export const hasCredentials = (req: Request): boolean =>
  Boolean(req.headers.authorization) || /(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')

export const isRead = (req: Request): boolean => req.method === 'GET' || req.method === 'HEAD'
