import type { CmsEnv } from '../../src/env'

/**
 * What `npm start` tells the operator about the first admin, or null once one exists.
 * Locally the admin sign-up is open: whoever opens it first becomes admin. With DEPLOYMENT=1 it is
 * closed (apps/cms/http/firstAdminGate.ts) except to the setup token this process generated.
 */
export async function firstAdminNotice(cmsUrl: string, env: Pick<CmsEnv, 'CMS_URL' | 'DEPLOYMENT' | 'SETUP_TOKEN'>, tag = 'start'): Promise<string | null> {
  let initialized = true
  try {
    const res = await fetch(`${cmsUrl}/api/users/init`)
    initialized = ((await res.json()) as { initialized?: unknown }).initialized === true
  } catch {
    return null // the CMS answers for itself; this is only a hint
  }
  if (initialized) return null
  if (env.DEPLOYMENT !== '1') {
    return `[${tag}] no users yet: the first visitor to ${env.CMS_URL}/admin creates an account and becomes admin`
  }
  return [
    `[${tag}] no users yet, and the admin sign-up is closed (DEPLOYMENT=1). Either:`,
    `[${tag}]   npm run admin:create -- --email you@example.org   (asks for the password)`,
    `[${tag}]   or open ${env.CMS_URL}/admin/create-first-user?setupToken=${env.SETUP_TOKEN ?? ''}   (the token works until an admin exists)`,
  ].join('\n')
}
