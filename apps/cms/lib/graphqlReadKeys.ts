/**
 * The API cache keys of anonymous GraphQL reads sent by POST, by the exact request that asked:
 * content type and body bytes. The key itself comes from graphqlGuard, which parses the documents
 * and prints them canonically; that costs more than answering from the cache, so the fast path
 * looks the bytes up here and reaches the cache without express, the guard or a parse.
 *
 * Only requests the guard passed as anonymous reads are remembered, so a body found here has
 * already been checked. Bounded: bodies up to 8 KB, the 500 most recently used (4 MB at most).
 * A publish does not touch this map: the key of a body never changes, only what the cache holds.
 */
import { RecentlyUsed } from '@/memo/recentlyUsed'

export const MAX_REMEMBERED_BODY_BYTES = 8 * 1024
const MAX_ENTRIES = 500

const keys = new RecentlyUsed<string, string>(MAX_ENTRIES)
const memoKey = (contentType: string, body: string) => `${contentType}\n${body}`

export function rememberGraphqlRead(contentType: string, body: string, key: string): void {
  if (Buffer.byteLength(body) <= MAX_REMEMBERED_BODY_BYTES) keys.set(memoKey(contentType, body), key)
}

export const rememberedGraphqlRead = (contentType: string, body: string): string | undefined => keys.get(memoKey(contentType, body))

/** The content type as the body check, the GraphQL guard and the fast path compare it: no parameters, lower case. */
export const bareContentType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase()
