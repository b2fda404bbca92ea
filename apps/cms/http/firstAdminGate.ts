import crypto from 'node:crypto'
import type { RequestHandler } from 'express'
import { currentPayload } from '../lib/payloadHandle'
import { USERS } from '../../../collections/slugs'

/**
 * Who may create the first admin of a deployment.
 *
 * Payload lets whoever reaches the admin first on an empty database create an account, and the
 * first account becomes admin. That suits a laptop; on a deployment (DEPLOYMENT=1) it hands the
 * site to the first visitor. There the sign-up (`POST /api/users/first-register` and the admin's
 * create-first-user page) is closed until an admin exists, except to the holder of SETUP_TOKEN
 * (`npm start` generates and prints one). The operator opens the page once with `?setupToken=`;
 * the token is then kept in an HttpOnly cookie, which the admin's own sign-up request carries.
 * Without a token, `npm run admin:create` is the way in.
 */
export const SETUP_COOKIE = 'tripsitter-setup-token'
const CLOSED_MESSAGE = 'The admin sign-up is closed on this deployment. Create the first admin with `npm run admin:create -- --email <address>`, or open the setup link `npm start` printed.'

export function firstAdminGate(opts: { deployment: boolean; setupToken?: string; adminRoute?: string }): RequestHandler {
  const pagePath = `${opts.adminRoute ?? '/admin'}/create-first-user`
  // Once an admin exists Payload refuses sign-ups by itself; remembering it spares a count per request.
  let initialized = false
  const hasUsers = async (): Promise<boolean> => {
    if (initialized) return true
    const payload = currentPayload()
    if (!payload) return false
    initialized = (await payload.count({ collection: USERS, overrideAccess: true })).totalDocs > 0
    return initialized
  }
  const tokenMatches = (given: unknown) =>
    typeof given === 'string' && !!opts.setupToken && given.length === opts.setupToken.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(opts.setupToken))
  const cookieToken = (cookie: string | undefined) => new RegExp(`(?:^|;\\s*)${SETUP_COOKIE}=([^;]*)`).exec(cookie ?? '')?.[1]

  return async (req, res, next) => {
    if (!opts.deployment) return next()
    const path = req.path.replace(/\/+$/, '')
    const isSignUp = req.method === 'POST' && path === `/api/${USERS}/first-register`
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && path === pagePath
    if (!isSignUp && !isPage) return next()
    try {
      if (await hasUsers()) return next()
    } catch (err) {
      return next(err)
    }
    const fromQuery = isPage ? req.query.setupToken : undefined
    if (tokenMatches(fromQuery)) {
      res.cookie(SETUP_COOKIE, fromQuery as string, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' })
      return next()
    }
    if (tokenMatches(req.get('x-setup-token')) || tokenMatches(cookieToken(req.headers.cookie))) return next()
    res.set('cache-control', 'no-store')
    if (isSignUp) return void res.status(403).json({ errors: [{ message: CLOSED_MESSAGE }] })
    res.status(403).type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-up closed</title></head><body><h1>Sign-up closed</h1><p>${CLOSED_MESSAGE.replace(/`([^`]+)`/g, '<code>$1</code>')}</p></body></html>`)
  }
}
