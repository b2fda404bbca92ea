/** `GET /robots.txt`. Dynamic so the sitemap URL follows WEB_URL at run time, not at build time. */
import { webEnv } from '@/env'

export const dynamic = 'force-dynamic'

export function GET(): Response {
  const body = `User-agent: *\nAllow: /\n\nSitemap: ${webEnv().WEB_URL}/sitemap.xml\n`
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
