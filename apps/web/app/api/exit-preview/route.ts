/** `GET /api/exit-preview[?slug=...]`: turns draft mode off and goes back to the published page. */
import { draftMode } from 'next/headers'
import type { NextRequest } from 'next/server'
import { articlePath, isValidSlug } from '@web/lib/slug'

export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest): Promise<Response> {
  ;(await draftMode()).disable()
  const slug = request.nextUrl.searchParams.get('slug')
  // Only ever redirect to our own article paths: never an open redirect.
  const location = isValidSlug(slug) ? articlePath(slug) : '/'
  return new Response(null, { status: 307, headers: { 'cache-control': 'no-store', location } })
}
