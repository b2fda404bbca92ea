/**
 * Study types as printed ("systematic review and meta-analysis") and as stored in the CMS select
 * field (identifier-safe values, which GraphQL enums require). Most specific first: the seed records
 * the first one a sentence names.
 */
export const STUDY_TYPES = [
  'systematic review and meta-analysis',
  'meta-analysis',
  'systematic review',
  'randomized controlled trial',
  'case-control study',
  'cohort study',
  'cross-sectional study',
  'open-label trial',
  'pilot study',
  'case series',
  'case report',
  'double-blind',
] as const
export type StudyTypeLabel = (typeof STUDY_TYPES)[number]

export const studyTypeValue = (label: StudyTypeLabel): string => label.replace(/[^a-z]+/g, '_')

const LABEL_BY_VALUE = new Map<string, StudyTypeLabel>(STUDY_TYPES.map((l) => [studyTypeValue(l), l]))
export const studyTypeLabel = (value: string): string => LABEL_BY_VALUE.get(value) ?? value.replace(/_/g, ' ')
