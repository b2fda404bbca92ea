import { cmsEnv } from '@/env'

/**
 * Live preview and the "Preview" button open the reader site's draft-mode entry point, which checks
 * the shared secret and the editor's CMS session before showing drafts.
 */
export function livePreviewUrl({ data }: { data: Record<string, unknown> }): string {
  const env = cmsEnv()
  const slug = typeof data.slug === 'string' ? data.slug : ''
  const params = new URLSearchParams({ slug, secret: env.PREVIEW_SECRET })
  return `${env.WEB_URL}/api/preview?${params}`
}
