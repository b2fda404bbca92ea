import type { Endpoint } from 'payload'
import { SearchParams } from '@/cms/schemas'
import { search } from './searchIndex'

/**
 * GET /api/search?q=&limit=&page=: published articles ranked by relevance, each with the sentence
 * that matched best. Bad parameters are a 400 naming the parameter; nothing about drafts is ever
 * indexed, whoever asks.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const parsed = SearchParams.safeParse(Object.fromEntries(['q', 'limit', 'page'].flatMap((k) => (req.searchParams.has(k) ? [[k, req.searchParams.get(k)]] : []))))
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ message: `${i.path.join('.') || 'query'}: ${i.message}` }))
      return Response.json({ errors }, { status: 400, headers: { 'cache-control': 'no-store' } })
    }
    return Response.json(await search(req.payload, parsed.data))
  },
}
