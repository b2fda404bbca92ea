/** The 404 of routes that answer files (downloads, images, sitemap parts): plain text, no page. */
export const textNotFound = (): Response => new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
