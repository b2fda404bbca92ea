import { createServerFeature } from '@payloadcms/richtext-lexical'
import { ADMIN_COMPONENTS } from '../../components/paths'

/** The server half of the writing surface's split and merge buttons: it only names the client feature. */
export const SectionToolsFeature = createServerFeature({
  key: 'sectionTools',
  feature: { ClientFeature: ADMIN_COMPONENTS.sectionToolsFeature },
})
