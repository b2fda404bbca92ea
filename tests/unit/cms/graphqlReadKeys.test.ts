/** The fast path's memory of anonymous GraphQL reads: exact bytes to cache key, bounded. */
import { describe, expect, it } from 'vitest'
import { bareContentType, MAX_REMEMBERED_BODY_BYTES, rememberedGraphqlRead, rememberGraphqlRead } from '../../../apps/cms/lib/graphqlReadKeys'

describe('graphqlReadKeys', () => {
  it('finds a key by content type and exact body only', () => {
    rememberGraphqlRead('application/json', '{"query":"{ a }"}', 'key-a')
    expect(rememberedGraphqlRead('application/json', '{"query":"{ a }"}')).toBe('key-a')
    expect(rememberedGraphqlRead('application/json', '{"query":"{  a }"}')).toBeUndefined()
    expect(rememberedGraphqlRead('application/graphql', '{"query":"{ a }"}')).toBeUndefined()
  })

  it('does not keep bodies over the size bound', () => {
    const big = `{"query":"{ a }","pad":"${'x'.repeat(MAX_REMEMBERED_BODY_BYTES)}"}`
    rememberGraphqlRead('application/json', big, 'key-big')
    expect(rememberedGraphqlRead('application/json', big)).toBeUndefined()
  })

  it('keeps the 500 most recently used, dropping the coldest', () => {
    rememberGraphqlRead('application/json', 'hot', 'key-hot')
    for (let i = 0; i < 499; i++) rememberGraphqlRead('application/json', `cold-${i}`, `key-${i}`)
    expect(rememberedGraphqlRead('application/json', 'hot')).toBe('key-hot') // used: now the most recent
    rememberGraphqlRead('application/json', 'one more', 'key-more')
    rememberGraphqlRead('application/json', 'and another', 'key-another')
    expect(rememberedGraphqlRead('application/json', 'hot')).toBe('key-hot')
    expect(rememberedGraphqlRead('application/json', 'cold-0')).toBeUndefined()
  })

  it('compares content types without parameters or case', () => {
    expect(bareContentType('Application/JSON; charset=utf-8')).toBe('application/json')
    expect(bareContentType(undefined)).toBe('')
  })
})
