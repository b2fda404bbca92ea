import type { Request } from 'express'

export const isRead = (req: Request): boolean => req.method === 'GET' || req.method === 'HEAD'
