import { ValidationError, type PayloadRequest } from 'payload'

/**
 * A 400 naming the field, thrown from hooks that run for draft saves too (Payload skips field
 * validation for drafts, so a bad value would otherwise be stored and fail a later publish).
 */
export function refuse(req: PayloadRequest, collection: string, path: string, message: string): never {
  throw new ValidationError({ collection, errors: [{ path, message }], req }, req.t)
}
