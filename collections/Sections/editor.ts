import type { Block } from 'payload'
import { BlocksFeature, FixedToolbarFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { CITATIONS, CITATION_REF_BLOCK } from '../slugs'
import { ADMIN_COMPONENTS } from '../components/paths'
import { CiteFeature } from './cite/CiteFeature'
import { SectionToolsFeature } from '../Articles/text/SectionToolsFeature'

/**
 * An inline citation marker. The in-text label ("Zarate et al. (2006)") stays ordinary text the
 * editor can reword; this block only records which Citation the sentence rests on. The "Cite"
 * button and `/cite` command (./cite) insert the label and the marker together; the inline-block
 * menu still edits a marker in its drawer. In the editor the marker reads "Zarate 2006" (its Label
 * component), not the block's generic name.
 */
export const CitationRefBlock: Block = {
  slug: CITATION_REF_BLOCK,
  interfaceName: 'CitationRefBlock',
  labels: { singular: 'Citation', plural: 'Citations' },
  admin: { components: { Label: ADMIN_COMPONENTS.citationRefLabel } },
  fields: [{ name: 'citation', type: 'relationship', relationTo: CITATIONS, required: true }],
}

export const sectionEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((f) => f.key !== 'upload' && f.key !== 'relationship'),
    FixedToolbarFeature(),
    BlocksFeature({ inlineBlocks: [CitationRefBlock] }),
    CiteFeature(),
    SectionToolsFeature(),
  ],
})
