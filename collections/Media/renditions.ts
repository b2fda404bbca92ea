import type { Media } from '@/payload-types'
import type { HeroImage, Portrait } from '@/cms/schemas'

type StoredFile = { url?: string | null; width?: number | null; height?: number | null; mimeType?: string | null }
type ImageFile = HeroImage['image']

/**
 * A stored file as the public contract gives it: an absolute URL (the reader site and other apps
 * fetch it from the CMS) and its pixel size; null while any of them is missing.
 */
function imageFile(f: StoredFile | undefined, serverUrl: string): ImageFile | null {
  return f?.url && f.width && f.height && f.mimeType ? { url: new URL(f.url, serverUrl).toString(), width: f.width, height: f.height, mimeType: f.mimeType } : null
}

/** The image for a page (the 1600 px rendition, else the upload) and every distinct width up to it, narrowest first. */
function pageImage(m: Media, serverUrl: string): { image: ImageFile; sources: ImageFile[] } | null {
  const image = imageFile(m.sizes?.hero, serverUrl) ?? imageFile(m, serverUrl)
  if (!image) return null
  const sources = [imageFile(m.sizes?.medium, serverUrl), image].filter((f, i, all): f is ImageFile => f !== null && all.findIndex((g) => g?.url === f.url) === i)
  return { image, sources: sources.sort((a, b) => a.width - b.width) }
}

/** An article's lead image, with its 1200 x 630 card for link previews. */
export function toHeroImage(m: Media, serverUrl: string): HeroImage | null {
  const page = pageImage(m, serverUrl)
  return page && { alt: m.alt, credit: m.credit ?? null, ...page, card: imageFile(m.sizes?.og, serverUrl) }
}

/** A person's photo for their author page. */
export function toPortrait(m: Media, serverUrl: string): Portrait | null {
  const page = pageImage(m, serverUrl)
  return page && { alt: m.alt, ...page }
}
