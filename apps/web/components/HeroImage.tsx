import type { AssembledArticle } from '@/cms'
import { ResponsiveImage } from './ResponsiveImage'

/** The article's lead image, at the top of the page, with its credit. */
export function HeroImage({ hero }: { hero: NonNullable<AssembledArticle['heroImage']> }) {
  return (
    <figure className="hero-image">
      <ResponsiveImage picture={hero} sizes="(max-width: 40rem) 100vw, 40rem" eager />
      {hero.credit ? <figcaption>{hero.credit}</figcaption> : null}
    </figure>
  )
}
