import type { Portrait } from '@/cms'

/**
 * An image served by the CMS: a plain <img> with its size (no layout shift), alt text and every
 * stored width in srcset. No Next image optimizer: the CMS already made the sizes. `eager` for an
 * image at the top of the page, which the browser should fetch first.
 */
export function ResponsiveImage({ picture, sizes, className, eager = false }: { picture: Portrait; sizes: string; className?: string; eager?: boolean }) {
  return (
    <img
      className={className}
      src={picture.image.url}
      srcSet={picture.sources.map((s) => `${s.url} ${s.width}w`).join(', ')}
      sizes={sizes}
      alt={picture.alt}
      width={picture.image.width}
      height={picture.image.height}
      fetchPriority={eager ? 'high' : undefined}
      decoding="async"
    />
  )
}
