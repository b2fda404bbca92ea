import type { CollectionConfig } from 'payload'
import { CITATIONS } from '../slugs'
import { isEditor } from '../access/isEditor'
import { isWriter } from '../access/isWriter'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { derivedField } from '../access/derivedField'
import { checkInput } from '../hooks/checkInput'
import { serverTimestamps } from '../hooks/serverTimestamps'
import { deriveCitationKey } from './hooks/deriveCitationKey'
import { normalizeIdentifiers } from './hooks/normalizeIdentifiers'
import { MAX_DOI_LENGTH, parseDoi, parsePmid } from '@/citations/identifiers'
import { PUBLICATION_TYPES } from '@/citations/publicationTypes'
import { purgeCachesAfterCitationChange } from './hooks/purgeCaches'
import { lookupEndpoint } from './endpoints/lookup'
import { claimsEndpoint } from '../ClaimDismissals/claimsEndpoint'
import { citationClaimFindings } from '../ClaimDismissals/claimFindings'
import { STUDY_TYPES, studyTypeValue } from '@/text/studyTypes'
import { ADMIN_COMPONENTS } from '../components/paths'
import { publishUnlessDraft } from '../hooks/publishUnlessDraft'
import { deriveIsPublic } from './hooks/deriveIsPublic'
import { notDraftOnly } from './visibility'

export const Citations: CollectionConfig = {
  slug: CITATIONS,
  admin: {
    useAsTitle: 'label',
    // The list's search box finds a source by how editors remember it, not only by its in-text label.
    listSearchableFields: ['label', 'title', 'firstAuthor', 'journal', 'doi', 'pmid'],
    defaultColumns: ['label', 'journal', 'year', 'sourceStatus', '_status'],
    description: 'References cited by articles. A citation with no DOI, PMID or URL needs a source before it can be trusted.',
  },
  // A fix to a shared reference reaches every article citing it: it is drafted, reviewed in history and
  // published like the text. No autosave: a citation is a short form saved as a whole.
  versions: { drafts: true, maxPerDoc: 50 },
  access: {
    // Readers see a published citation only while a published article cites it (`isPublic` is kept by
    // the article hooks); a citation that was only ever drafted is not readable at all.
    read: publishedOrStaff({ and: [{ isPublic: { equals: true } }, notDraftOnly] }),
    create: isWriter,
    // Citations are shared between articles, so a published change reaches other pages too: editors only.
    update: isEditor,
    delete: isEditor,
  },
  endpoints: [lookupEndpoint, claimsEndpoint(citationClaimFindings)],
  hooks: {
    beforeOperation: [checkInput(['label']), serverTimestamps, publishUnlessDraft],
    beforeValidate: [normalizeIdentifiers],
    beforeChange: [deriveCitationKey, deriveIsPublic],
    afterChange: [purgeCachesAfterCitationChange],
  },
  fields: [
    { name: 'label', type: 'text', required: true, admin: { description: 'In-text label as printed, e.g. "Zarate et al. (2006)"' } },
    { name: 'authors', type: 'text', maxLength: 1000, admin: { description: 'Authors as printed in the text, e.g. "Zarate et al."; the list below is what references are built from' } },
    {
      name: 'authorList',
      type: 'array',
      label: 'Authors',
      labels: { singular: 'Author', plural: 'Authors' },
      admin: { description: 'In the order of the byline' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'family', type: 'text', required: true, maxLength: 200, label: 'Family name' },
            { name: 'given', type: 'text', maxLength: 200, label: 'Given names' },
            { name: 'suffix', type: 'text', maxLength: 20, label: 'Suffix', admin: { description: 'Jr, III' } },
          ],
        },
      ],
    },
    { name: 'firstAuthor', type: 'text', required: true, maxLength: 200, admin: { description: 'Surname of the first author' } },
    { name: 'year', type: 'number', required: true, min: 1500, max: 2200 },
    { name: 'title', type: 'text', maxLength: 2000 },
    { name: 'journal', type: 'text', label: 'Journal / container', maxLength: 500 },
    { name: 'journalAbbreviation', type: 'text', label: 'Journal abbreviation', maxLength: 200, admin: { description: 'As NLM / ISO 4 abbreviate it, e.g. "Arch Gen Psychiatry"; AMA and Vancouver references print this' } },
    {
      type: 'row',
      fields: [
        { name: 'volume', type: 'text', maxLength: 50 },
        { name: 'issue', type: 'text', maxLength: 50 },
        { name: 'pages', type: 'text', maxLength: 50, admin: { description: 'e.g. 856-864 or CD011612' } },
      ],
    },
    {
      name: 'publicationType',
      type: 'select',
      defaultValue: 'article-journal',
      options: PUBLICATION_TYPES.map((t) => ({ label: t.label, value: t.value })),
    },
    { name: 'studyType', type: 'select', options: STUDY_TYPES.map((t) => ({ label: t, value: studyTypeValue(t) })) },
    {
      type: 'row',
      fields: [
        // Unique: two records with one DOI would be one work cited twice under different numbers.
        { name: 'doi', type: 'text', label: 'DOI', unique: true, index: true, maxLength: MAX_DOI_LENGTH + 32, validate: validateDoi },
        { name: 'pmid', type: 'text', label: 'PMID', index: true, maxLength: 64, validate: validatePmid },
      ],
    },
    { name: 'fillFromIdentifier', type: 'ui', admin: { components: { Field: ADMIN_COMPONENTS.fillFromIdentifier } } },
    { name: 'url', type: 'text', label: 'URL', maxLength: 2000, validate: validateHttpUrl },
    {
      name: 'sourceStatus',
      type: 'select',
      options: [
        { label: 'Verified source', value: 'verified' },
        { label: 'Needs source', value: 'needs-source' },
      ],
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Set automatically: verified when a DOI, PMID or URL is present.',
        components: { Cell: ADMIN_COMPONENTS.sourceStatusCell },
      },
    },
    { name: 'claimChecks', type: 'ui', admin: { position: 'sidebar', components: { Field: ADMIN_COMPONENTS.citationClaims } } },
    // Natural key: unique by (first author, year, venue), so the seed and editors reuse one record.
    { name: 'key', type: 'text', unique: true, index: true, admin: { hidden: true } },
    // Derived by the article hooks (a published article cites it); set by a request, it would show a
    // citation to readers before any editor reviewed it.
    { name: 'isPublic', type: 'checkbox', defaultValue: false, index: true, access: { create: derivedField, update: derivedField }, admin: { hidden: true } },
  ],
}

function validateDoi(value: unknown) {
  if (value == null || value === '') return true
  const parsed = parseDoi(String(value))
  return parsed.ok || parsed.message
}
function validatePmid(value: unknown) {
  if (value == null || value === '') return true
  const parsed = parsePmid(String(value))
  return parsed.ok || parsed.message
}
function validateHttpUrl(value: unknown) {
  if (value == null || value === '') return true
  try {
    const u = new URL(String(value))
    return u.protocol === 'https:' || u.protocol === 'http:' || 'Only http(s) URLs are allowed'
  } catch {
    return 'Not a valid URL'
  }
}
