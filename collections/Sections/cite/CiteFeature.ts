import { createServerFeature } from '@payloadcms/richtext-lexical'
import { ADMIN_COMPONENTS } from '../../components/paths'

/** The server half of the Cite button and `/cite` command: it only names the client feature. */
export const CiteFeature = createServerFeature({
  key: 'cite',
  feature: { ClientFeature: ADMIN_COMPONENTS.citeFeature },
})
