/**
 * The front server's options from the environment, in one place so what production runs with is
 * what the tests check.
 */
import type { WebEnv } from '../../../src/env'
import { limitsFromEnv } from '../../../src/http/httpLimits'
import type { FrontServerOptions } from './frontServer'

export const HSTS = 'max-age=31536000; includeSubDomains'

export function frontServerOptions(env: WebEnv, upstream: URL, dev: boolean, log: (line: string) => void = console.log): FrontServerOptions {
  return {
    upstream,
    revalidateSecret: env.REVALIDATE_SECRET,
    ttlMs: env.PAGE_CACHE_TTL_MS,
    cmsUrl: env.CMS_URL,
    cacheEnabled: !dev,
    log,
    missesPerMinute: env.PAGE_CACHE_MISSES_PER_MINUTE,
    staleMaxBytes: env.PAGE_CACHE_STALE_BYTES,
    trustProxy: env.TRUST_PROXY,
    limits: limitsFromEnv(env),
    dev,
    // Browsers remember to use https only once they have reached the site over https.
    extraHeaders: !dev && env.NODE_ENV === 'production' && env.WEB_URL.startsWith('https:') ? { 'strict-transport-security': HSTS } : undefined,
  }
}
