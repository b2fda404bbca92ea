/**
 * The one caching policy both servers decide with: who is a private caller, and conditional GETs.
 */
import { describe, expect, it } from 'vitest'
import { carriesCredentials, etagOf, matchesIfNoneMatch, wantsPrivateView } from '../../src/http/policy'

describe('carriesCredentials', () => {
  it('sees an Authorization header or a Payload session cookie, in any position', () => {
    expect(carriesCredentials({ authorization: 'users API-Key abc' })).toBe(true)
    expect(carriesCredentials({ cookie: 'payload-token=x' })).toBe(true)
    expect(carriesCredentials({ cookie: 'a=1; payload-token=x' })).toBe(true)
    expect(carriesCredentials({ cookie: 'a=1;payload-token-admin=x' })).toBe(true)
  })

  it('does not mistake other cookies or an empty header for credentials', () => {
    expect(carriesCredentials({})).toBe(false)
    expect(carriesCredentials({ authorization: '' })).toBe(false)
    expect(carriesCredentials({ cookie: 'not-payload-token=x; theme=dark' })).toBe(false)
    expect(carriesCredentials({ cookie: '__prerender_bypass=1' })).toBe(false)
  })
})

describe('wantsPrivateView', () => {
  it('adds the reader site draft-mode and preview cookies to the credentials', () => {
    expect(wantsPrivateView({ cookie: '__prerender_bypass=1' })).toBe(true)
    expect(wantsPrivateView({ cookie: 'x=1; __next_preview_data=abc' })).toBe(true)
    expect(wantsPrivateView({ cookie: 'payload-token=x' })).toBe(true)
    expect(wantsPrivateView({ cookie: 'theme=dark' })).toBe(false)
  })
})

describe('conditional GET', () => {
  it('matches strong, weak, listed and wildcard tags, and nothing else', () => {
    const tag = etagOf('body')
    expect(tag).toMatch(/^"[\w-]+"$/)
    expect(etagOf('body')).toBe(tag)
    expect(matchesIfNoneMatch(tag, tag)).toBe(true)
    expect(matchesIfNoneMatch(`W/${tag}`, tag)).toBe(true)
    expect(matchesIfNoneMatch(`"other", ${tag}`, tag)).toBe(true)
    expect(matchesIfNoneMatch('*', tag)).toBe(true)
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false)
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false)
  })
})
