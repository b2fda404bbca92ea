import type { AssembledArticle } from '@/cms'

/**
 * The article's lead image, served by the CMS. A plain <img> with its size (no layout shift), alt
 * text and every stored width in srcset; eager, because it is at the top of the page. No Next image
 * optimizer: the CMS already made the sizes.
 */
export function HeroImage({ hero }: { hero: NonNullable<AssembledArticle['heroImage']> }) {
  return (
    <figure className="hero-image">
      <img
        src={hero.image.url}
        srcSet={hero.sources.map((s) => `${s.url} ${s.width}w`).join(', ')}
        sizes="(max-width: 40rem) 100vw, 40rem"
        alt={hero.alt}
        width={hero.image.width}
        height={hero.image.height}
        fetchPriority="high"
        decoding="async"
      />
      {hero.credit ? <figcaption>{hero.credit}</figcaption> : null}
    </figure>
  )
}
