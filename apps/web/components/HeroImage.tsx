import type { AssembledArticle } from '@/cms'

/**
 * The article's lead image, served by the CMS. A plain <img> with its size (no layout shift) and
 * alt text; eager, because it is the first thing on the page. No Next image optimizer: the CMS
 * already made the sizes.
 */
export function HeroImage({ hero }: { hero: NonNullable<AssembledArticle['heroImage']> }) {
  return (
    <figure className="hero-image">
      <img src={hero.image.url} alt={hero.alt} width={hero.image.width} height={hero.image.height} fetchPriority="high" decoding="async" />
      {hero.credit ? <figcaption>{hero.credit}</figcaption> : null}
    </figure>
  )
}
