/**
 * Admin component paths for the import map (relative to the repository root, the import map's
 * baseDir). Kept in one place so a moved file is one edit and `generate:importmap` finds them all.
 */
export const ADMIN_COMPONENTS = {
  lockHeartbeat: '/collections/components/LockHeartbeat#LockHeartbeat',
  publishButton: '/collections/components/RolePublishButton#RolePublishButton',
  sectionRowLabel: '/collections/Articles/text/SectionRowLabel#SectionRowLabel',
  textDiff: '/collections/Articles/text/TextDiff#TextDiff',
  textStatus: '/collections/Articles/text/TextStatus#TextStatus',
  sectionToolsFeature: '/collections/Articles/text/SectionToolsFeature.client#SectionToolsFeatureClient',
  citationQuality: '/collections/Articles/components/CitationQuality#CitationQuality',
  citeFeature: '/collections/Sections/cite/CiteFeature.client#CiteFeatureClient',
  citationRefLabel: '/collections/Sections/components/CitationRefLabel#CitationRefLabel',
  sourceStatusCell: '/collections/Citations/components/SourceStatusCell#SourceStatusCell',
  fillFromIdentifier: '/collections/Citations/components/FillFromIdentifier#FillFromIdentifier',
  citationClaims: '/collections/ClaimDismissals/components/CitationClaims#CitationClaims',
  editRightsNote: '/collections/components/EditRightsNote#EditRightsNote',
  richTextDiff: '/collections/components/RichTextDiff#RichTextDiff',
  reviewQueue: '/collections/Articles/review/ReviewQueue#ReviewQueue',
} as const
