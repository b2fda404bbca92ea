import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { SectionToolsFeatureClient as SectionToolsFeatureClient_0d4be6942c5f8ad9041e9ba10857ba5e } from '../../../../../collections/Articles/text/SectionToolsFeature.client'
import { CiteFeatureClient as CiteFeatureClient_0b6f9da18d3dd954cd9a96f900ebeaf6 } from '../../../../../collections/Sections/cite/CiteFeature.client'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { CitationRefLabel as CitationRefLabel_e4e1568285ad1c068915fdc899d12c92 } from '../../../../../collections/Sections/components/CitationRefLabel'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SectionRowLabel as SectionRowLabel_55af191429c0e04d0fcc724adb1e7aaa } from '../../../../../collections/Articles/text/SectionRowLabel'
import { TextDiff as TextDiff_f74f4618455a28d4c48967050278138f } from '../../../../../collections/Articles/text/TextDiff'
import { TextStatus as TextStatus_99939317f392890a950883262be9a057 } from '../../../../../collections/Articles/text/TextStatus'
import { LockHeartbeat as LockHeartbeat_775ee5882d85d6ba8fdb740d44aa4118 } from '../../../../../collections/components/LockHeartbeat'
import { EditRightsNote as EditRightsNote_59e60750ff171b8b8ac7d605e7830b28 } from '../../../../../collections/components/EditRightsNote'
import { CitationQuality as CitationQuality_8128c1daf0c2664e91d4700e6b8cf70d } from '../../../../../collections/Articles/components/CitationQuality'
import { ReviewQueue as ReviewQueue_3859ba74f6a52bc31338c174c694dc5b } from '../../../../../collections/Articles/review/ReviewQueue'
import { RolePublishButton as RolePublishButton_38bdf06da9b99eccb92691798b266c75 } from '../../../../../collections/components/RolePublishButton'
import { RichTextDiff as RichTextDiff_e7c0476c71c4b0483a1b038caac3c007 } from '../../../../../collections/components/RichTextDiff'
import { FillFromIdentifier as FillFromIdentifier_d3fcc6f8fbab285593f545f2e8fae88f } from '../../../../../collections/Citations/components/FillFromIdentifier'
import { SourceStatusCell as SourceStatusCell_436447b59e37a6e0cc56bc4f88b370d3 } from '../../../../../collections/Citations/components/SourceStatusCell'
import { CitationClaims as CitationClaims_5f6af15e363a0ef34c1e81cceffe0847 } from '../../../../../collections/ClaimDismissals/components/CitationClaims'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "/collections/Articles/text/SectionToolsFeature.client#SectionToolsFeatureClient": SectionToolsFeatureClient_0d4be6942c5f8ad9041e9ba10857ba5e,
  "/collections/Sections/cite/CiteFeature.client#CiteFeatureClient": CiteFeatureClient_0b6f9da18d3dd954cd9a96f900ebeaf6,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/collections/Sections/components/CitationRefLabel#CitationRefLabel": CitationRefLabel_e4e1568285ad1c068915fdc899d12c92,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/collections/Articles/text/SectionRowLabel#SectionRowLabel": SectionRowLabel_55af191429c0e04d0fcc724adb1e7aaa,
  "/collections/Articles/text/TextDiff#TextDiff": TextDiff_f74f4618455a28d4c48967050278138f,
  "/collections/Articles/text/TextStatus#TextStatus": TextStatus_99939317f392890a950883262be9a057,
  "/collections/components/LockHeartbeat#LockHeartbeat": LockHeartbeat_775ee5882d85d6ba8fdb740d44aa4118,
  "/collections/components/EditRightsNote#EditRightsNote": EditRightsNote_59e60750ff171b8b8ac7d605e7830b28,
  "/collections/Articles/components/CitationQuality#CitationQuality": CitationQuality_8128c1daf0c2664e91d4700e6b8cf70d,
  "/collections/Articles/review/ReviewQueue#ReviewQueue": ReviewQueue_3859ba74f6a52bc31338c174c694dc5b,
  "/collections/components/RolePublishButton#RolePublishButton": RolePublishButton_38bdf06da9b99eccb92691798b266c75,
  "/collections/components/RichTextDiff#RichTextDiff": RichTextDiff_e7c0476c71c4b0483a1b038caac3c007,
  "/collections/Citations/components/FillFromIdentifier#FillFromIdentifier": FillFromIdentifier_d3fcc6f8fbab285593f545f2e8fae88f,
  "/collections/Citations/components/SourceStatusCell#SourceStatusCell": SourceStatusCell_436447b59e37a6e0cc56bc4f88b370d3,
  "/collections/ClaimDismissals/components/CitationClaims#CitationClaims": CitationClaims_5f6af15e363a0ef34c1e81cceffe0847,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
